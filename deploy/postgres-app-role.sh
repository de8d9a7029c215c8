#!/bin/sh
# The login role the API and workers use (DATABASE_URL): a member of mutu_application, which the
# migrations grant INSERT and SELECT on events and nothing more. Its password comes from the
# environment, never from this file. Runs once, when the data volume is initialised.
set -eu
: "${MUTU_APP_PASSWORD:?set MUTU_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$MUTU_APP_PASSWORD" <<'SQL'
CREATE ROLE mutu_app LOGIN PASSWORD :'pw' IN ROLE mutu_application;
SQL
