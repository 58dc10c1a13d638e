#!/usr/bin/env bash
# Stage: CPS card through the real pcscd + vpcd driver + virtual-cps, then OpenSC as an oracle.
# Gets REPO and BIN from Tools/test. Starts pcscd (foreground, no systemd) and virtual-cps, stops both on exit.
set -euo pipefail
REPO=${REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$REPO/.build/debug}
WORK=$(mktemp -d /tmp/passerelle-card.XXXXXX)
export PASSERELLE_PCSCD_PIDFILE=$WORK/pcscd.pid
export VIRTUAL_CPS=$BIN/virtual-cps
export VIRTUAL_CPS_CONTROL=$WORK/virtual-cps.sock
VCPS_PID=""
SUPERVISOR_PID=""

stop() {
    touch "$WORK/stop"
    if [[ -n $VCPS_PID ]]; then kill "$VCPS_PID" 2>/dev/null || true; fi
    if [[ -n $SUPERVISOR_PID ]]; then kill "$SUPERVISOR_PID" 2>/dev/null || true; fi
    if [[ -s $PASSERELLE_PCSCD_PIDFILE ]]; then kill "$(cat "$PASSERELLE_PCSCD_PIDFILE")" 2>/dev/null || true; fi
    sleep 0.5
    rm -rf "$WORK"
}
trap stop EXIT

for tool in pcscd opensc-tool pkcs15-tool openssl; do
    command -v "$tool" >/dev/null || { echo "40-card: $tool missing (Tools/deps/debian/card.txt)" >&2; exit 1; }
done
[[ -x $VIRTUAL_CPS ]] || { echo "40-card: $VIRTUAL_CPS not built" >&2; exit 1; }
[[ -f /etc/reader.conf.d/vpcd ]] || { echo "40-card: vpcd driver not installed (vsmartcard-vpcd)" >&2; exit 1; }
if pidof pcscd >/dev/null; then
    echo "40-card: a pcscd is already running; stop it first (this stage needs its own)" >&2
    exit 1
fi

# pcscd under a small supervisor: the restart test kills it (SIGTERM to the pid in the pid file) and expects it back.
(
    while [[ ! -e $WORK/stop ]]; do
        pcscd --foreground >>"$WORK/pcscd.log" 2>&1 &
        echo $! >"$PASSERELLE_PCSCD_PIDFILE"
        wait $! || true
        sleep 1
    done
) &
SUPERVISOR_PID=$!
for _ in $(seq 50); do [[ -S /run/pcscd/pcscd.comm ]] && break; sleep 0.1; done

"$VIRTUAL_CPS" --card-dir "$REPO/Certs/cards" --control "$VIRTUAL_CPS_CONTROL" >"$WORK/virtual-cps.log" 2>&1 &
VCPS_PID=$!
for _ in $(seq 100); do grep -q '"ready":true' "$WORK/virtual-cps.log" 2>/dev/null && break; sleep 0.1; done
for _ in $(seq 50); do opensc-tool -l 2>/dev/null | grep -q "Yes.*Virtual PCD 00 01" && break; sleep 0.2; done

echo "== OpenSC oracle"
opensc-tool -l
opensc-tool -r 0 -a
opensc-tool -r 0 -n | tee "$WORK/opensc-name.txt"
pkcs15-tool --reader 0 -D | tee "$WORK/pkcs15.txt"
grep -q "Certificat d'Authentification CPS" "$WORK/pkcs15.txt"
grep -q "Key ref *: 130 (0x82)" "$WORK/pkcs15.txt"
opensc-tool -r 0 --serial

echo "== Swift integration tests through pcscd"
cd "$REPO"
# One suite at a time: they share the two readers and swap cards in them.
for suite in CardThroughPCSCDTests CardTLSThroughPCSCDTests CardCommandThroughPCSCDTests; do
    PASSERELLE_PCSCD=1 swift test --skip-build --filter "$suite"
done
