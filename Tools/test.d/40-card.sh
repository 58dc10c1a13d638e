#!/usr/bin/env bash
# Stage: CPS card through the real pcscd + vpcd driver + virtual-cps, then OpenSC as an oracle.
# Gets REPO and BIN from Tools/test. Starts pcscd (foreground, no systemd) and virtual-cps, stops both on exit.
set -euo pipefail
REPO=${REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$REPO/.build/debug}
WORK=$(mktemp -d /tmp/passerelle-card.XXXXXX)
# pcscd under its supervisor and virtual-cps: shared with the other card stages.
# shellcheck source=lib/card-services.sh
source "$REPO/Tools/test.d/lib/card-services.sh"

stop() {
    card_services_stop
    rm -rf "$WORK"
}
trap stop EXIT

for tool in pkcs15-tool openssl; do
    command -v "$tool" >/dev/null || { echo "40-card: $tool missing (Tools/deps/debian/card.txt)" >&2; exit 1; }
done
card_services_check 40-card
# The restart test kills pcscd (SIGTERM to the pid in PASSERELLE_PCSCD_PIDFILE) and expects the supervisor to bring it back.
card_services_start "$WORK"

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
# Known intermittent failure (seen once in five clean runs): after "card pulled during a transaction", reader 0
# answered SCARD_E_NOT_TRANSACTED to every later test. Until its cause is found, a failed suite is run once more
# on fresh pcscd + virtual-cps, and says so loudly; a second failure fails the stage.
run_suite() { PASSERELLE_PCSCD=1 swift test --skip-build --filter "$1"; }
for suite in CardThroughPCSCDTests CardTLSThroughPCSCDTests CardCommandThroughPCSCDTests; do
    if ! run_suite "$suite"; then
        echo "40-card: $suite FAILED; known intermittent: restarting pcscd and virtual-cps, running it once more" >&2
        card_services_stop
        for _ in $(seq 50); do pidof pcscd >/dev/null || break; sleep 0.1; done
        mkdir -p "$WORK/retry-$suite"
        card_services_start "$WORK/retry-$suite"
        run_suite "$suite"
    fi
done
