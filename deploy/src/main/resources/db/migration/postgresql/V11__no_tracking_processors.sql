-- The projections run in each command's own transaction (subscribing processors): nothing tracks the event store any
-- more, so the processors' tokens and the instances' segment-sharing registry are gone.
DROP TABLE IF EXISTS token_entry;
DROP TABLE IF EXISTS service_instance;
