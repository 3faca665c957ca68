-- Outbound webhooks (README "Webhooks").

-- Read model of the team-views projection: the subscriptions in force (no secrets).
CREATE TABLE webhook_subscription (
    subscription_id    VARCHAR(64)              NOT NULL,
    team               VARCHAR(64)              NOT NULL,
    url                VARCHAR(2000)            NOT NULL,
    format             VARCHAR(16)              NOT NULL,
    event_kinds        VARCHAR(500)             NOT NULL,
    secret_fingerprint VARCHAR(80)              NOT NULL,
    subscribed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    subscribed_by      VARCHAR(200)             NOT NULL,
    CONSTRAINT webhook_subscription_pk PRIMARY KEY (subscription_id)
);
CREATE INDEX webhook_subscription_team_idx ON webhook_subscription (team, subscribed_at);

-- The signing secrets, kept out of the event store so the audit trail never holds one. Written in the same
-- transaction as the subscription's event and deleted with its unsubscription; a replay never touches them.
CREATE TABLE webhook_secret (
    subscription_id VARCHAR(64)              NOT NULL,
    team            VARCHAR(64)              NOT NULL,
    secret          VARCHAR(128)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_secret_pk PRIMARY KEY (subscription_id)
);

-- The outbox and delivery log: one row per notification per subscription. dedup_key names the notification
-- (event:<event id>, or due:<kind>:<metric>:<due instant>), so redelivered events and repeated scans add nothing.
CREATE TABLE webhook_delivery (
    delivery_id      VARCHAR(36)              NOT NULL,
    subscription_id  VARCHAR(64)              NOT NULL,
    team             VARCHAR(64)              NOT NULL,
    kind             VARCHAR(64)              NOT NULL,
    dedup_key        VARCHAR(255)             NOT NULL,
    metric_id        VARCHAR(64),
    url              VARCHAR(2000)            NOT NULL,
    body             TEXT                     NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    last_status_code INTEGER,
    last_error       VARCHAR(500),
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_pk PRIMARY KEY (delivery_id),
    CONSTRAINT webhook_delivery_dedup_uk UNIQUE (subscription_id, dedup_key)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (subscription_id, created_at);

-- The service's role (V6) keeps all three up to date; none of them is part of the audit trail.
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_subscription, webhook_secret, webhook_delivery
    TO metric_lifecycle_app;
