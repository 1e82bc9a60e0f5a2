#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster on 127.0.0.1 for the test suite and prints the
# connection string. Idempotent: reuses a running cluster. Usage: eval "$(.ci/start-postgres.sh)"
set -euo pipefail
PGPORT="${LLMSPELL_TEST_PG_PORT:-55432}"
PGDATA="${LLMSPELL_TEST_PG_DIR:-/tmp/llmspell-pg-$PGPORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
if [ -z "$BIN" ]; then
  if command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
    BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  else
    echo "echo 'PostgreSQL is not installed; PostgreSQL tests will be skipped' >&2"
    exit 0
  fi
fi
as_pg() { if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if ! as_pg "$BIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$PGDATA"
    as_pg "$BIN/initdb -D $PGDATA -U postgres --auth=trust -E UTF8 --no-locale" >/dev/null
  fi
  as_pg "$BIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -o '-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGDATA -c fsync=off -c max_connections=200' start" >/dev/null
fi
for db in llmspell_test; do
  as_pg "$BIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1 \
    || as_pg "$BIN/createdb -h 127.0.0.1 -p $PGPORT -U postgres $db"
done
echo "export LLMSPELL_TEST_POSTGRES='Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=llmspell_test'"
