#!/usr/bin/env bash
# Install (from Debian's packages), start and stop a throwaway PostgreSQL server for
# Parallax's PostgreSQL tests and benchmarks. It listens on localhost only, trusts local
# connections, and keeps its data in a folder of the project's (default .cache/postgres).
#
#   scripts/postgres.sh install          # apt-get install postgresql when it is missing
#   scripts/postgres.sh start [DIR] [PORT]   # prints the server's URL on stdout
#   scripts/postgres.sh stop [DIR]
#   scripts/postgres.sh url [DIR] [PORT]
set -euo pipefail

DIR="${2:-${PARALLAX_PG_DIR:-.cache/postgres}}"
PORT="${3:-${PARALLAX_PG_PORT:-54329}}"
USER_NAME=parallax
DB_NAME=parallax

bindir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$found" && -x "$found/postgres" ]]; then
        echo "$found"
    fi
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

install() {
    if [[ -n "$(bindir)" ]]; then
        return 0
    fi
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    [[ -n "$(bindir)" ]] || { echo "postgres.sh: PostgreSQL did not install" >&2; exit 1; }
}

# The server refuses to run as root; when we are root, it runs as the postgres user.
run_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

url() {
    echo "postgresql://${USER_NAME}@localhost:${PORT}/${DB_NAME}"
}

start() {
    install
    local bin abs
    bin=$(bindir)
    mkdir -p "$DIR"
    abs=$(cd "$DIR" && pwd)
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres "$abs"
        chmod 700 "$abs"
        # The postgres user must be able to reach the folder.
        local parent="$abs"
        while [[ "$parent" != "/" ]]; do
            parent=$(dirname "$parent")
            chmod o+x "$parent" 2>/dev/null || true
        done
    fi
    if [[ ! -f "$abs/PG_VERSION" ]]; then
        run_pg "$bin/initdb" -D "$abs" -U "$USER_NAME" --auth=trust -E UTF8 --locale=C.UTF-8 \
            >"$abs.initdb.log" 2>&1 || { cat "$abs.initdb.log" >&2; exit 1; }
    fi
    if ! run_pg "$bin/pg_ctl" -D "$abs" status >/dev/null 2>&1; then
        run_pg "$bin/pg_ctl" -D "$abs" -l "$abs/server.log" -w -t 60 start \
            -o "-p $PORT -k $abs -c listen_addresses=localhost -c max_connections=200 -c fsync=off" \
            >/dev/null || { cat "$abs/server.log" >&2; exit 1; }
    fi
    if ! "$bin/psql" -h localhost -p "$PORT" -U "$USER_NAME" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='${DB_NAME}'" | grep -q 1; then
        "$bin/createdb" -h localhost -p "$PORT" -U "$USER_NAME" "$DB_NAME"
    fi
    url
}

stop() {
    local bin abs
    bin=$(bindir)
    [[ -n "$bin" && -d "$DIR" ]] || return 0
    abs=$(cd "$DIR" && pwd)
    run_pg "$bin/pg_ctl" -D "$abs" -m fast -w stop >/dev/null 2>&1 || true
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    url) url ;;
    *) echo "usage: $0 install|start|stop|url [DIR] [PORT]" >&2; exit 2 ;;
esac
