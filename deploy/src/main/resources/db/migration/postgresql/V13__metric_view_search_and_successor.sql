-- GET /api/v1/metrics?q= matches a word or phrase in a metric's name and description, and a successor's view lists
-- the metrics it replaced: both read columns kept beside the document (filled from it when a view is written;
-- rows written before this migration are filled at start-up).
ALTER TABLE metric_view ADD COLUMN search_text TEXT;
ALTER TABLE metric_view ADD COLUMN replaced_by VARCHAR(64);
CREATE INDEX metric_view_replaced_by_idx ON metric_view (replaced_by);
