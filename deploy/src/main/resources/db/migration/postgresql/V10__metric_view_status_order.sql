-- The board and GET /api/v1/metrics?status=... page through one status in list order: without this index a deep
-- page walks every row in that order and skips the others (bench/RESULTS.md, figure 4).
CREATE INDEX metric_view_status_order_idx ON metric_view (status, proposed_at, metric_id);
