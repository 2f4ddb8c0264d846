#!/usr/bin/env bash
# A PostgreSQL server apart from the embedded one (Debian's package), for running the suite
# with DATABASE_URL. `start` prints the URL; `stop` stops and removes it.
set -euo pipefail
DIR=${POL_CI_PG_DIR:-/tmp/pol-ci-pg}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "'$PGBIN/initdb' -D '$DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$DIR.init.log" 2>&1 || { cat "$DIR.init.log" >&2; exit 1; }
    # Ports below the kernel's ephemeral range (32768+), so no client socket of an earlier step
    # can hold ours; a port found busy anyway is skipped, and a failed start shows the server log.
    started=
    for try in 1 2 3 4 5; do
      port=${POL_CI_PG_PORT:-$((20000 + RANDOM % 10000))}
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is busy" >&2; [ -n "${POL_CI_PG_PORT:-}" ] && break; continue; fi
      if as_pg "'$PGBIN/pg_ctl' -D '$DIR/data' -o \"-p $port -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off\" -l '$DIR/server.log' -w -t 60 start" >&2; then
        started=$port; break
      fi
      echo "--- PostgreSQL did not start on port $port (attempt $try); its log:" >&2
      tail -n 30 "$DIR/server.log" >&2 || true
      [ -n "${POL_CI_PG_PORT:-}" ] && break
    done
    [ -n "$started" ] || { echo "could not start PostgreSQL" >&2; exit 1; }
    "$PGBIN/psql" -q -h 127.0.0.1 -p "$started" -U postgres -d postgres -c "create role pol login createdb password 'pol-ci'" >&2
    echo "postgres://pol:pol-ci@127.0.0.1:$started/pol_ci"
    ;;
  stop)
    [ -d "$DIR/data" ] && as_pg "'$PGBIN/pg_ctl' -D '$DIR/data' -m fast -w stop" >&2 || true
    rm -rf "$DIR" "$DIR.init.log"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
