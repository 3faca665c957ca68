-- Answers no longer wait for projections, so a stored answer no longer lists the streams a retry waited for.
ALTER TABLE idempotency_key DROP COLUMN awaited;
