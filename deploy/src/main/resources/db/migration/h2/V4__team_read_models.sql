-- Read model of the team-views projection: budget, active metrics in admission order, rotation schedule.
CREATE TABLE team_view (
    team          VARCHAR(64) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    document      CHARACTER VARYING NOT NULL,
    CONSTRAINT team_view_pk PRIMARY KEY (team)
);
