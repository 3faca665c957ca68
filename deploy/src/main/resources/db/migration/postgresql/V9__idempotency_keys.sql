-- The first answer to each write that carried an Idempotency-Key (README "Retrying writes safely"): a retry with
-- the same key from the same caller gets this answer back instead of running the command again. A row is written
-- in the same transaction as the command's events, so either both exist or neither does. Rows older than
-- metrics.api.idempotency-retention are ignored and purged.
CREATE TABLE idempotency_key (
    caller          VARCHAR(200)             NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    fingerprint     CHAR(64)                 NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          INTEGER                  NOT NULL,
    location        VARCHAR(2000),
    body            TEXT,
    awaited         TEXT                     NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO metric_lifecycle_app;
