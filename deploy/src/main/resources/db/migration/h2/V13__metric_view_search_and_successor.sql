-- GET /api/v1/metrics?q= matches a word or phrase in a metric's name and description, and a successor's view lists
-- the metrics it replaced: both read columns kept beside the document (filled from it when a view is written;
-- rows written before this migration are filled at start-up).
ALTER TABLE metric_view ADD COLUMN search_text VARCHAR(20000);
ALTER TABLE metric_view ADD COLUMN replaced_by VARCHAR(64);
CREATE INDEX metric_view_replaced_by_idx ON metric_view (replaced_by);
-- Lengths are counted in code points (an emoji is one) and H2 counts UTF-16 units: room for 120 of any.
ALTER TABLE metric_view ALTER COLUMN owner SET DATA TYPE VARCHAR(480);
