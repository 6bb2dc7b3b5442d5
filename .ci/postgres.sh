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
# Passwords count over TCP (scram-sha-256): the hub tests check that one trainee's database role cannot log in
# with another's password. The local socket stays trust for the administrator's own shell.
PW="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
echo "$PW" > "$DATA.pw"
[ "$(id -u)" = 0 ] && chown postgres "$DATA.pw"
as_pg "PATH=$PATH initdb -D $DATA --auth-local=trust --auth-host=scram-sha-256 --pwfile=$DATA.pw -U postgres >/dev/null"
rm -f "$DATA.pw"
as_pg "PATH=$PATH pg_ctl -D $DATA -l $DATA/log -w -o \"-p $PORT -k /tmp -c listen_addresses=127.0.0.1\" start >/dev/null"
echo "export PGDATA_TEST=$DATA"
echo "export INTERVISIE_KIT_TEST_POSTGRES=postgresql+psycopg://postgres:$PW@127.0.0.1:$PORT/postgres"
