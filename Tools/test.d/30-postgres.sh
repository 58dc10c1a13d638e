#!/usr/bin/env bash
# Stage: runs the identity-store repository suite against a real PostgreSQL.
# Starts a throw-away cluster on loopback, in a temporary directory, as an unprivileged user; stops and removes
# it on exit. The SQLite half of the same suite already ran in `swift test`.
set -euo pipefail
REPO="${REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$REPO"

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (Debian package postgresql)" >&2; exit 1; }

# initdb refuses to run as root: use the packaged postgres user, or the current user when unprivileged.
if [ "$(id -u)" -eq 0 ]; then
    RUNAS=(runuser -u postgres --)
else
    RUNAS=()
fi

WORK=$(mktemp -d /tmp/passerelle-pg.XXXXXX)
chmod 0755 "$WORK"
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

cleanup() {
    "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"${RUNAS[@]}" "$PGBIN/initdb" -D "$WORK/data" -U passerelle --auth=trust --locale=C.UTF-8 -E UTF8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log"; exit 1; }
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$WORK -c fsync=on" start >/dev/null \
    || { cat "$WORK/server.log"; exit 1; }

export PASSERELLE_TEST_POSTGRES_URL="postgres://passerelle@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

BIN="${BIN:-$(swift build --show-bin-path)}"
swift test --skip-build --filter 'IdentityStoreTests'
