#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the ledger tests, on a Unix socket in
# DIR (no TCP port): `start DIR` prints its URL, `stop DIR` stops it.
# Uses initdb and pg_ctl from PATH or the newest /usr/lib/postgresql/*/bin;
# as root, runs them as the `postgres` user (initdb refuses root).
set -euo pipefail
cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
bindir=""
if ! command -v initdb >/dev/null 2>&1; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bindir" ]; then
    echo "no PostgreSQL server binaries (initdb, pg_ctl) found" >&2
    exit 3
  fi
  bindir="$bindir/"
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "${bindir}initdb" -D "$dir/data" -U assure --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "${bindir}pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses='' -k $dir -c max_connections=50" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://assure@/postgres?host=$dir"
    ;;
  stop)
    dir=$(cd "$dir" && pwd)
    as_owner "${bindir}pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
