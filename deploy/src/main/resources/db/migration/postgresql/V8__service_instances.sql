-- The running instances of the service, each with its heartbeat (README "Running several instances"): every
-- instance counts the live ones to claim a fair share of each event processor's segments. Rows are scratch data:
-- instances re-register within seconds, so a restore may leave this table empty or stale without harm.
CREATE TABLE service_instance (
    node_id      VARCHAR(255)             NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_instance_pk PRIMARY KEY (node_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON service_instance TO metric_lifecycle_app;
