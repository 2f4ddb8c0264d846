#!/usr/bin/env bash
# A PostgreSQL server apart from the embedded one (Debian's package), for running the suite
# with DATABASE_URL. `start` prints the URL; `stop` stops and removes it.
set -euo pipefail
DIR=${POL_CI_PG_DIR:-/tmp/pol-ci-pg}
PORT=${POL_CI_PG_PORT:-55432}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "'$PGBIN/initdb' -D '$DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$DIR.init.log" 2>&1 || { cat "$DIR.init.log" >&2; exit 1; }
    as_pg "'$PGBIN/pg_ctl' -D '$DIR/data' -o \"-p $PORT -k '$DIR' -c listen_addresses=localhost -c fsync=off\" -l '$DIR/server.log' -w start" >&2
    "$PGBIN/psql" -q -h localhost -p "$PORT" -U postgres -d postgres -c "create role pol login createdb password 'pol-ci'" >&2
    echo "postgres://pol:pol-ci@localhost:$PORT/pol_ci"
    ;;
  stop)
    [ -d "$DIR/data" ] && as_pg "'$PGBIN/pg_ctl' -D '$DIR/data' -m fast -w stop" >&2 || true
    rm -rf "$DIR" "$DIR.init.log"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
