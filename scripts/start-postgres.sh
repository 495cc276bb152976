#!/bin/sh
# A throwaway PostgreSQL for tests, benches and CI. No mocks: a real server in a temp directory.
#
#   eval "$(scripts/start-postgres.sh start)"   # exports VIGIE_TEST_DATABASE_URL and VIGIE_PG_DIR
#   scripts/start-postgres.sh stop "$VIGIE_PG_DIR"
#
# `start` initdb's a fresh cluster (trust auth, fsync off: the data is disposable), listens on
# 127.0.0.1 on a free port and on a unix socket inside the temp dir, creates database vigie_test,
# and prints shell `export` lines. Binaries: $PG_BIN, else /usr/lib/postgresql/<newest>/bin, else
# PATH; when none exist and we are root, `apt-get install -y postgresql`. As root, the server runs
# as the `postgres` system user (created when missing), which postgres requires.
set -eu

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then echo "$PG_BIN"; return 0; fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

as_server_user() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  bin=$(find_bin) || {
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "start-postgres: installing postgresql with apt-get" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
      bin=$(find_bin) || { echo "start-postgres: no initdb after installing postgresql" >&2; exit 1; }
    else
      echo "start-postgres: PostgreSQL binaries not found (set PG_BIN or install postgresql)" >&2
      exit 1
    fi
  }
  if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/vigie-pg.XXXXXX")}
  mkdir -p "$dir"
  [ "$(id -u)" = "0" ] && chown postgres "$dir"
  port=$(free_port)
  as_server_user "$bin/initdb" -D "$dir/data" -U vigie --auth=trust -N -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    as_server_user "$bin/initdb" -D "$dir/data" -U vigie --auth=trust -N -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    exit 1
  }
  as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U vigie vigie_test
  echo "export VIGIE_TEST_DATABASE_URL=postgres://vigie@127.0.0.1:$port/vigie_test"
  echo "export VIGIE_PG_DIR=$dir"
}

stop() {
  dir=${1:-${VIGIE_PG_DIR:-}}
  [ -n "$dir" ] || { echo "start-postgres: stop needs the directory printed by start" >&2; exit 2; }
  if [ -f "$dir/data/postmaster.pid" ]; then
    bin=$(find_bin)
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$dir" in
    */vigie-pg.*) rm -rf "$dir" ;;
    *) echo "start-postgres: left $dir in place (not created by start)" >&2 ;;
  esac
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [dir] | stop <dir>" >&2; exit 2 ;;
esac
