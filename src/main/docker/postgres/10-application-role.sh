#!/bin/sh
# Runs once, when the database volume is new (PostgreSQL's docker-entrypoint-initdb.d).
# The application connects as its own role: not a superuser, cannot create databases or roles,
# and owns only its schema. The superuser (POSTGRES_USER) is for the operator alone.
set -eu
: "${KVALITET_DB_PASSWORD:?Ange KVALITET_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 -v app_password="$KVALITET_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
create role kvalitet login password :'app_password' nosuperuser nocreatedb nocreaterole noreplication;
create schema kvalitet authorization kvalitet;
alter role kvalitet set search_path = kvalitet;
revoke create on schema public from public;
revoke all on database kvalitetsarbete from public;
grant connect, temporary on database kvalitetsarbete to kvalitet;
SQL
