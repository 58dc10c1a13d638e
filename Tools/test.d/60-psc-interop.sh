#!/usr/bin/env bash
# Stage: the ProSanteConnect client against an independent OpenID Provider (idpyoidc, from the test venv).
# Code flow + PKCE only: idpyoidc 5.0.0's CIBA token endpoint answers a pending request with `invalid_request`
# ("No authentication found") instead of `authorization_pending` (CIBA Core 1.0 §11), so it cannot serve as a
# conformant CIBA oracle; CIBA is checked against psc-sim (ProSanteConnectTests) and the broker stages.
set -euo pipefail
REPO="${REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
VENV="${VENV:-$REPO/.venv-test}"
PYTHON="$VENV/bin/python"
if ! "$PYTHON" -c 'import idpyoidc' 2>/dev/null; then
    echo "60-psc-interop: idpyoidc missing from $VENV (Tools/deps/python/psc.txt)" >&2
    exit 1
fi
OUT="$(mktemp)"
"$PYTHON" "$REPO/Tools/test.d/psc-interop/op.py" >"$OUT" 2>"$OUT.err" &
OP_PID=$!
cleanup() {
    kill "$OP_PID" 2>/dev/null || true
    wait "$OP_PID" 2>/dev/null || true
    rm -f "$OUT" "$OUT.err"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
    if [ -s "$OUT" ]; then break; fi
    if ! kill -0 "$OP_PID" 2>/dev/null; then cat "$OUT.err" >&2; exit 1; fi
    sleep 0.1
done
READY="$(head -n 1 "$OUT")"
PSC_INTEROP_ISSUER="$("$PYTHON" -c 'import json,sys; print(json.loads(sys.argv[1])["issuer"])' "$READY")"
PSC_INTEROP_SECRET="$("$PYTHON" -c 'import json,sys; print(json.loads(sys.argv[1])["client_secret"])' "$READY")"
export PSC_INTEROP_ISSUER PSC_INTEROP_SECRET
cd "$REPO"
swift test --skip-build --filter PSCInteropTests
