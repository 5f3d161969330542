#!/usr/bin/env bash
# Starts a local PostgreSQL for the persistence tests and prints the connection string the tests read from
# PUBLICSERVICES_TEST_POSTGRES. Installs the server with apt when missing (needs root, as on CI).
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='publicservices') THEN CREATE ROLE publicservices LOGIN SUPERUSER PASSWORD 'publicservices-test'; END IF; END\\\$\\\$;\"" >&2
echo "Host=127.0.0.1;Port=5432;Username=publicservices;Password=publicservices-test;Database=postgres"
