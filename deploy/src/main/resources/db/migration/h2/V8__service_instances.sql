-- The running instances of the service, each with its heartbeat (README "Running several instances"). The embedded
-- H2 database serves one process, so here the table only ever holds that one instance.
CREATE TABLE service_instance (
    node_id      VARCHAR(255)             NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_instance_pk PRIMARY KEY (node_id)
);
