#!/usr/bin/env bash
# Stage: the REST API and the demo as a newcomer runs it. `passerelle demo` (broker + API on SQLite, insi-sim,
# psc-sim with CIBA auto-approval, the virtual card) on free ports; the committed OpenAPI document is validated
# (openapi-spec-validator) and must be what the broker serves; the API walk-through (Tools/test.d/api-e2e/walk.py:
# CIBA token, INSi search, create, RECUP, QUAL, DataMatrix PNG and tagged PDF decoded, FHIR, audit); schemathesis
# against the live broker (no 5xx, every answer conforms to the document); the logs carry no token and no
# matricule; Ctrl-C (SIGINT) stops the demo and leaves no child process behind.
set -euo pipefail
REPO=${REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$REPO/.build/debug}
VENV=${VENV:-$REPO/.venv-test}
PYTHON=$VENV/bin/python
WORK=$(mktemp -d /tmp/passerelle-api.XXXXXX)
DEMO_PID=""
DOC=$REPO/Sources/PasserelleAPI/OpenAPI/openapi.json

stop() {
    if [[ -n $DEMO_PID ]] && kill -0 "$DEMO_PID" 2>/dev/null; then
        kill -INT "$DEMO_PID" 2>/dev/null || true
        wait "$DEMO_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop EXIT

for tool in passerelle psc-sim insi-sim virtual-cps; do
    [[ -x $BIN/$tool ]] || { echo "80-api: $BIN/$tool not built" >&2; exit 1; }
done
"$PYTHON" -c 'import schemathesis, openapi_spec_validator, zxingcpp, PIL, requests' 2>/dev/null || {
    echo "80-api: test tools missing from $VENV (Tools/deps/python/api.txt)" >&2
    exit 1
}

echo "80-api: validating the committed OpenAPI document"
"$VENV/bin/openapi-spec-validator" "$DOC"

# As a newcomer starts it: Tools/demo (it builds what is missing, then execs `passerelle demo`, same pid).
PASSERELLE_LOG_LEVEL=info PASSERELLE_DATA_DIR="$WORK/demo" "$REPO/Tools/demo" --port 0 >"$WORK/demo.out" 2>"$WORK/demo.err" &
DEMO_PID=$!
for _ in $(seq 3000); do
    grep -q '"ready":true' "$WORK/demo.out" 2>/dev/null && break
    kill -0 "$DEMO_PID" 2>/dev/null || { echo "80-api: demo exited" >&2; cat "$WORK/demo.out" "$WORK/demo.err" >&2; exit 1; }
    sleep 0.1
done
grep -q '"ready":true' "$WORK/demo.out" || { echo "80-api: demo not ready" >&2; cat "$WORK/demo.err" >&2; exit 1; }
BROKER=$("$PYTHON" -c 'import json,sys; print(json.loads(open(sys.argv[1]).readlines()[-1])["broker"])' "$WORK/demo.out")
echo "80-api: demo ready, broker at $BROKER"
CHILDREN=$(pgrep -P "$DEMO_PID" | tr '\n' ' ')
"$BIN/passerelle" config check --config "$WORK/demo/passerelle.yaml" || { echo "80-api: the demo's configuration does not pass config check" >&2; exit 1; }
[[ $(curl -fsS "$BROKER/healthz") == '{"status":"ok"}' ]] || { echo "80-api: health check failed" >&2; exit 1; }
curl -fsS "$BROKER/api/v1/openapi.json" -o "$WORK/served.json"
cmp -s "$WORK/served.json" "$DOC" || { echo "80-api: served OpenAPI document differs from $DOC" >&2; exit 1; }

BROKER=$BROKER CLIENT_ID=demo-lgc CLIENT_SECRET=TEST-demo-lgc-secret \
    FIXTURE_PDF="$REPO/Tests/INSTaggingTests/Fixtures/classic.pdf" "$PYTHON" "$REPO/Tools/test.d/api-e2e/walk.py" "$WORK/token"
TOKEN=$(cat "$WORK/token")

echo "80-api: the card event stream starts with the current state"
curl -sS -N --max-time 3 -H "Authorization: Bearer $TOKEN" "$BROKER/api/v1/card/events" >"$WORK/sse.txt" || true
grep -q '^data: {.*"state":"present"' "$WORK/sse.txt" || { echo "80-api: no SSE card event" >&2; cat "$WORK/sse.txt" >&2; exit 1; }

echo "80-api: schemathesis against the live broker"
PYTHONPATH="$REPO/Tools/test.d/api-e2e" SCHEMATHESIS_HOOKS=schemathesis_hooks \
    "$VENV/bin/schemathesis" run "$DOC" --url "$BROKER" -H "Authorization: Bearer $TOKEN" \
    --exclude-path /api/v1/card/events \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "${SCHEMATHESIS_EXAMPLES:-30}" --no-color

echo "80-api: logs are JSON lines without token or matricule"
"$PYTHON" - "$WORK/demo.err" "$TOKEN" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.startswith("{")]
assert lines, "no JSON log line"
requests_logged = [json.loads(l) for l in lines if '"message":"request"' in l]
assert requests_logged and all("requestId" in r for r in requests_logged), "request lines carry a requestId"
text = open(sys.argv[1], encoding="utf-8").read()
assert sys.argv[2] not in text, "access token in the logs"
assert "297022A02077878" not in text and "297022A020778" not in text, "matricule in the logs"
print(f"  {len(lines)} JSON lines, {len(requests_logged)} request lines, no token, no matricule")
PY

echo "80-api: Ctrl-C stops the demo and its children"
kill -INT "$DEMO_PID"
for _ in $(seq 100); do kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$DEMO_PID" 2>/dev/null; then echo "80-api: demo still running after SIGINT" >&2; exit 1; fi
wait "$DEMO_PID" || true
DEMO_PID=""
for child in $CHILDREN; do
    if kill -0 "$child" 2>/dev/null; then echo "80-api: child $child left behind" >&2; exit 1; fi
done
echo "80-api: passed (children stopped: ${CHILDREN:-none})"
