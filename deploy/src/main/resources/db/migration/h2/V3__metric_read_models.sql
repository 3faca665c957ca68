-- Read models of the metric-views projection. Filters read the columns; answers read the JSON document, so the
-- document is the one shape the API serves and the projection's fold writes.
CREATE TABLE metric_view (
    metric_id     VARCHAR(64)              NOT NULL,
    team          VARCHAR(64)              NOT NULL,
    owner         VARCHAR(120)             NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    proposed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence BIGINT                   NOT NULL,
    document      CHARACTER VARYING        NOT NULL,
    CONSTRAINT metric_view_pk PRIMARY KEY (metric_id)
);
CREATE INDEX metric_view_team_status_idx ON metric_view (team, status);
CREATE INDEX metric_view_owner_idx ON metric_view (owner);
CREATE INDEX metric_view_order_idx ON metric_view (proposed_at, metric_id);

CREATE TABLE metric_history (
    metric_id       VARCHAR(64)              NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    event_type      VARCHAR(100)             NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200)             NOT NULL,
    reason          CHARACTER VARYING,
    changes         CHARACTER VARYING        NOT NULL,
    CONSTRAINT metric_history_pk PRIMARY KEY (metric_id, sequence_number)
);
