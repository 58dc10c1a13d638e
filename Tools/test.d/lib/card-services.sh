# Shared by the stages that need a card: pcscd (foreground, under a small supervisor so a test may kill it and
# get it back) and virtual-cps plugged into pcscd's vpcd driver. Source it, then call `card_services_start WORK`
# (WORK = a private temporary directory) and `card_services_stop` from the stage's EXIT trap.
# Exports PASSERELLE_PCSCD_PIDFILE, VIRTUAL_CPS and VIRTUAL_CPS_CONTROL; needs BIN and REPO; VIRTUAL_CPS_READERS
# (default 2) sets the number of virtual readers.
VCPS_PID=""
SUPERVISOR_PID=""
CARD_WORK=""

card_services_check() {
    local stage=$1
    for tool in pcscd opensc-tool; do
        command -v "$tool" >/dev/null || { echo "$stage: $tool missing (Tools/deps/debian/card.txt)" >&2; return 1; }
    done
    [[ -x $BIN/virtual-cps ]] || { echo "$stage: $BIN/virtual-cps not built" >&2; return 1; }
    [[ -f /etc/reader.conf.d/vpcd ]] || { echo "$stage: vpcd driver not installed (vsmartcard-vpcd)" >&2; return 1; }
    if pidof pcscd >/dev/null; then
        echo "$stage: a pcscd is already running; stop it first (this stage needs its own)" >&2
        return 1
    fi
}

card_services_start() {
    CARD_WORK=$1
    export PASSERELLE_PCSCD_PIDFILE=$CARD_WORK/pcscd.pid
    export VIRTUAL_CPS=$BIN/virtual-cps
    export VIRTUAL_CPS_CONTROL=$CARD_WORK/virtual-cps.sock
    (
        while [[ ! -e $CARD_WORK/stop ]]; do
            pcscd --foreground >>"$CARD_WORK/pcscd.log" 2>&1 &
            echo $! >"$PASSERELLE_PCSCD_PIDFILE"
            wait $! || true
            sleep 1
        done
    ) &
    SUPERVISOR_PID=$!
    for _ in $(seq 50); do [[ -S /run/pcscd/pcscd.comm ]] && break; sleep 0.1; done
    "$VIRTUAL_CPS" --card-dir "$REPO/Certs/cards" --control "$VIRTUAL_CPS_CONTROL" --readers "${VIRTUAL_CPS_READERS:-2}" \
        >"$CARD_WORK/virtual-cps.log" 2>&1 &
    VCPS_PID=$!
    for _ in $(seq 100); do grep -q '"ready":true' "$CARD_WORK/virtual-cps.log" 2>/dev/null && break; sleep 0.1; done
    local last=$(( ${VIRTUAL_CPS_READERS:-2} - 1 ))
    for _ in $(seq 50); do opensc-tool -l 2>/dev/null | grep -q "Yes.*Virtual PCD 00 0$last" && break; sleep 0.2; done
}

card_services_stop() {
    [[ -n $CARD_WORK ]] || return 0
    touch "$CARD_WORK/stop"
    if [[ -n $VCPS_PID ]]; then kill "$VCPS_PID" 2>/dev/null || true; fi
    if [[ -n $SUPERVISOR_PID ]]; then kill "$SUPERVISOR_PID" 2>/dev/null || true; fi
    if [[ -s $PASSERELLE_PCSCD_PIDFILE ]]; then kill "$(cat "$PASSERELLE_PCSCD_PIDFILE")" 2>/dev/null || true; fi
    sleep 0.5
}
