#!/usr/bin/env bash
# Stage: the SSO broker end to end with real processes: pcscd + vpcd + virtual-cps (the card), psc-sim (PSC),
# `passerelle serve` (the broker), apps registered with `passerelle apps add` over the admin socket, and a
# third-party relying party (Authlib, test virtualenv) playing two apps and the professional's browser.
set -euo pipefail
REPO=${REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$REPO/.build/debug}
VENV=${VENV:-$REPO/.venv-test}
PYTHON=$VENV/bin/python
WORK=$(mktemp -d /tmp/passerelle-broker.XXXXXX)
# shellcheck source=lib/card-services.sh
source "$REPO/Tools/test.d/lib/card-services.sh"
PSC_PID=""
BROKER_PID=""

stop() {
    if [[ -n $BROKER_PID ]]; then kill "$BROKER_PID" 2>/dev/null || true; wait "$BROKER_PID" 2>/dev/null || true; fi
    if [[ -n $PSC_PID ]]; then kill "$PSC_PID" 2>/dev/null || true; wait "$PSC_PID" 2>/dev/null || true; fi
    card_services_stop
    rm -rf "$WORK"
}
trap stop EXIT

"$PYTHON" -c 'import authlib, requests' 2>/dev/null || {
    echo "70-broker: authlib/requests missing from $VENV (Tools/deps/python/broker.txt)" >&2
    exit 1
}
for tool in passerelle psc-sim; do
    [[ -x $BIN/$tool ]] || { echo "70-broker: $BIN/$tool not built" >&2; exit 1; }
done
card_services_check 70-broker
# One reader holding medecin-1 (899700000013), the professional psc-sim knows.
VIRTUAL_CPS_READERS=1 card_services_start "$WORK"
opensc-tool -l

wait_ready() { # file pid name
    for _ in $(seq 200); do
        grep -q '"ready":true' "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || { echo "70-broker: $3 exited" >&2; cat "$1" "$1.err" >&2 || true; return 1; }
        sleep 0.05
    done
    echo "70-broker: $3 not ready" >&2
    return 1
}
json_field() { "$PYTHON" -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())[sys.argv[2]])' "$1" "$2"; }

"$BIN/psc-sim" serve --certs "$REPO/Certs" --ciba-auto-approve 1 --ciba-interval 1 >"$WORK/psc.out" 2>"$WORK/psc.out.err" &
PSC_PID=$!
wait_ready "$WORK/psc.out" "$PSC_PID" psc-sim
ISSUER=$(json_field "$WORK/psc.out" issuer)
cat >"$WORK/psc.json" <<JSON
{"issuer": "$ISSUER", "clientID": "passerelle",
 "clientAuthentication": {"method": "client_secret_basic", "secret": "TEST-secret-passerelle"},
 "redirectURI": "http://127.0.0.1/callback", "trustRootsPEM": "$REPO/Certs/ca/trust-test-roots.pem"}
JSON

DATA=$WORK/data
"$BIN/passerelle" serve --data-dir "$DATA" --port 0 --psc-config "$WORK/psc.json" --card-removal logout \
    >"$WORK/broker.out" 2>"$WORK/broker.out.err" &
BROKER_PID=$!
wait_ready "$WORK/broker.out" "$BROKER_PID" "passerelle serve"
BROKER=$(json_field "$WORK/broker.out" broker)
echo "broker at $BROKER (started in $(json_field "$WORK/broker.out" startupMs) ms)"
[[ $(stat -c %a "$DATA/broker.sock") == 600 ]] || { echo "70-broker: admin socket is not 0600" >&2; exit 1; }
[[ $(stat -c %a "$DATA/keys/signing-keys.json") == 600 ]] || { echo "70-broker: key file is not 0600" >&2; exit 1; }

RP_PORT=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN/passerelle" apps add lgc-web --data-dir "$DATA" --json --name "LGC web" \
    --redirect-uri "http://127.0.0.1:$RP_PORT/callback" --backchannel-logout-uri "http://127.0.0.1:$RP_PORT/bcl/web" \
    >"$WORK/web.json"
"$BIN/passerelle" apps add lgc-natif --public --data-dir "$DATA" --json --name "LGC natif" \
    --redirect-uri "http://127.0.0.1/native" --backchannel-logout-uri "http://127.0.0.1:$RP_PORT/bcl/native" \
    >/dev/null
"$BIN/passerelle" apps list --data-dir "$DATA"
WEB_SECRET=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["client_secret"])' "$WORK/web.json")
if grep -q "$WEB_SECRET" "$DATA/apps.json"; then echo "70-broker: secret stored in clear" >&2; exit 1; fi

BROKER=$BROKER RP_PORT=$RP_PORT WEB_CLIENT_ID=lgc-web WEB_CLIENT_SECRET=$WEB_SECRET NATIVE_CLIENT_ID=lgc-natif \
    CARD_REMOVE="$VIRTUAL_CPS ctl --control $VIRTUAL_CPS_CONTROL remove --reader 0" \
    "$PYTHON" "$REPO/Tools/test.d/broker-e2e/rp.py"

if grep -q "$WEB_SECRET" "$WORK/broker.out" "$WORK/broker.out.err"; then echo "70-broker: secret in logs" >&2; exit 1; fi
echo "70-broker: ok"
