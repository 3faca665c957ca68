-- The role the service's pooled connections act as (SPEC "Security": the application's database role cannot
-- UPDATE or DELETE stored events). Flyway keeps connecting as the owner of the schema; see README
-- "Tamper-evident audit" for the settings. Every later migration that adds a table or sequence grants it here too.

-- Roles are cluster-wide: another database on the same server may have created it already, possibly at the
-- same moment (hence the exception handler besides the check).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'metric_lifecycle_app') THEN
        CREATE ROLE metric_lifecycle_app NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN
        NULL;
END
$$;

-- The schema Flyway migrates (public unless configured otherwise).
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO metric_lifecycle_app', current_schema());
END
$$;

-- Read models, processor tokens, deadlines and snapshots change in place.
GRANT SELECT, INSERT, UPDATE, DELETE
    ON metric_view, metric_history, team_view, token_entry, scheduled_tasks, snapshot_event_entry
    TO metric_lifecycle_app;

-- The audit trail is append-only for the service.
GRANT SELECT, INSERT ON domain_event_entry, event_chain TO metric_lifecycle_app;

-- nextval() for the events' global index (the column default).
GRANT USAGE ON SEQUENCE domain_event_entry_global_index_seq TO metric_lifecycle_app;
