#!/bin/bash
# Runs once, when the PostgreSQL volume is first initialized (docker-entrypoint-initdb.d): the service's own login,
# a member of the application role that may append events but never rewrite them (README "Tamper-evident audit").
# The schema's owner (POSTGRES_USER) is the login Flyway uses; migration V6 grants the role its rights.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v service_password="$METRICS_SERVICE_PASSWORD" <<'EOSQL'
CREATE ROLE metric_lifecycle_app NOLOGIN;
CREATE ROLE metrics_service LOGIN IN ROLE metric_lifecycle_app;
ALTER ROLE metrics_service PASSWORD :'service_password';
EOSQL
