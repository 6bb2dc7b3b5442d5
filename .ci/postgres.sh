#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the journal tests and print the URL to export, e.g.
#   eval "$(.ci/postgres.sh)"   # sets INTERVISIE_KIT_TEST_POSTGRES
# Installs the Debian package when pg_ctl is missing (needs root). Stop it with: pg_ctl -D "$PGDATA" stop
set -euo pipefail
PORT="${PGPORT_TEST:-55432}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$BIN" ] && ! command -v pg_ctl >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
PATH="${BIN:+$BIN:}$PATH"
DATA="$(mktemp -d /tmp/ik-pg-XXXXXX)"
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$DATA"
as_pg "PATH=$PATH initdb -D $DATA -A trust -U postgres >/dev/null"
as_pg "PATH=$PATH pg_ctl -D $DATA -l $DATA/log -w -o \"-p $PORT -k /tmp -c listen_addresses=127.0.0.1\" start >/dev/null"
echo "export PGDATA_TEST=$DATA"
echo "export INTERVISIE_KIT_TEST_POSTGRES=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
