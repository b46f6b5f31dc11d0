#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 (Debian's postgresql binaries).
#
#   scripts/pg_test_server.sh start [DIR]   init + start; prints the URL (postgresql+psycopg://...) on stdout
#   scripts/pg_test_server.sh stop  [DIR]   stop the server and delete DIR
#   scripts/pg_test_server.sh url   [DIR]   print the URL of a running cluster
#
# DIR defaults to $PG_TEST_DIR or /tmp/armswatch-pg; port $PG_TEST_PORT or 54329. As root the cluster runs
# as the `postgres` user (runuser); otherwise as the current user. The unix socket lives in DIR.
set -euo pipefail
cmd="${1:-}"
DIR="${2:-${PG_TEST_DIR:-/tmp/armswatch-pg}}"
PORT="${PG_TEST_PORT:-54329}"
DBNAME="${PG_TEST_DB:-armswatch_test}"

bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$d" ] && command -v pg_ctl >/dev/null; then d=$(dirname "$(command -v pg_ctl)"); fi
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "no PostgreSQL binaries (apt-get install -y postgresql)" >&2; exit 3
  fi
  echo "$d"
}

as_owner() {  # run a command as the cluster owner
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "postgresql+psycopg://postgres@127.0.0.1:${PORT}/${DBNAME}"; }

case "$cmd" in
  start)
    BIN=$(bindir)
    if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      url; exit 0
    fi
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi
    chmod 700 "$DIR"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; exit 1; }
    fi
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    if ! as_owner "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='${DBNAME}'" | grep -q 1; then
      as_owner "$BIN/createdb" -h "$DIR" -p "$PORT" -U postgres "$DBNAME"
    fi
    url
    ;;
  stop)
    BIN=$(bindir)
    if [ -d "$DIR/data" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    ;;
  url)
    url
    ;;
  *)
    echo "usage: $0 start|stop|url [DIR]" >&2; exit 2
    ;;
esac
