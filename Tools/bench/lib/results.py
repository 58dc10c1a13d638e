"""Machine-readable bench results, so that `Tools/bench/run` can print every bench in one table.

A bench appends one line per figure to the file named by the environment variable BENCH_RESULTS (nothing is
written when it is unset, so a bench run by hand behaves as before). Tab-separated columns:

    bench  measure  value  unit  baseline-name  baseline-value  ratio

`ratio` is value / baseline-value (empty when the figure has no baseline). Whether higher is better follows from
the unit: rates (`…/s`) are better high, times (`ms`, `s`) and sizes (`MiB`, `APDUs`) better low.

Command line:
    results.py add BENCH MEASURE VALUE UNIT [BASELINE-NAME BASELINE-VALUE]
    results.py parse card|insi|identity-store BENCH < printed-report     (for reports printed by Swift code)
    results.py table FILE                                                (the summary `Tools/bench/run` prints)
"""

import os
import re
import sys


def _number(text):
    return float(str(text).replace(",", "").replace("×", "").replace("x", ""))


def add(bench, measure, value, unit, baseline_name="", baseline_value=None):
    """Appends one result line to $BENCH_RESULTS (no-op when unset)."""
    path = os.environ.get("BENCH_RESULTS")
    if not path:
        return
    value = _number(value)
    ratio = ""
    base = ""
    if baseline_value not in (None, ""):
        baseline_value = _number(baseline_value)
        base = f"{baseline_value:.6g}"
        if baseline_value:
            ratio = f"{value / baseline_value:.3f}"
    fields = [bench, measure, f"{value:.6g}", unit, baseline_name, base, ratio]
    with open(path, "a", encoding="utf-8") as out:
        out.write("\t".join(field.replace("\t", " ") for field in fields) + "\n")


# Parsers of reports printed by Swift benches: they read the lines those programs print (see their main.swift)
# and fail loudly when a line is missing, so a changed report shows up as an error, not as a silent gap.

def _find(pattern, text, what):
    match = re.search(pattern, text, re.MULTILINE)
    if not match:
        raise SystemExit(f"results.py: no {what} line in the report")
    return match


def parse_card(bench, text):
    number = r"([0-9.]+)"
    for case, label in (("unknown card", "cold identity (unknown card)"),
                        ("known card", "identity (known card)")):
        row = _find(rf"^\s*{case} \(.*?\)\s+(\d+)\s+{number}\s+{number}", text, case)
        add(bench, f"{label}, pcscd", row.group(2), "ms", "in-process transport", row.group(3))
        add(bench, f"{label} APDUs", row.group(1), "APDUs")
    trivial = _find(rf"SELECT MF\): {number} ms", text, "trivial APDU baseline").group(1)
    cold = _find(rf"^\s*unknown card \(.*?\)\s+\d+\s+{number}", text, "unknown card").group(1)
    add(bench, "cold identity vs one trivial APDU round trip", cold, "ms", "SELECT MF via pcscd", trivial)
    signing = _find(rf"^\s*through pcscd\s+{number}", text, "signing through pcscd").group(1)
    local = _find(rf"^\s*in-process transport \(baseline\)\s+{number}", text, "signing in-process").group(1)
    add(bench, "INTERNAL AUTHENTICATE, pcscd", signing, "sig/s", "in-process transport", local)


def parse_insi(bench, text):
    def p50(label):
        row = _find(rf"^{re.escape(label)}.*?p50[ =:]+\s*([0-9.]+)", text, label)
        return row.group(1)

    def p99(label):
        row = _find(rf"^{re.escape(label)}.*?p99[ =:]+\s*([0-9.]+)", text, label)
        return row.group(1)

    total, raw = "client call, total", "baseline: same bytes, bare transport"
    add(bench, "client call p50", p50(total), "µs", "bare transport p50", p50(raw))
    add(bench, "client call p99", p99(total), "µs", "bare transport p99", p99(raw))
    sequential = _find(r"sequential: ([0-9.]+) calls/s", text, "sequential").group(1)
    add(bench, "sequential calls", sequential, "calls/s")
    concurrent = _find(r"^concurrent \((\d+) tasks\): ([0-9.]+) calls/s", text, "concurrent")
    add(bench, f"concurrent calls ({concurrent.group(1)} tasks)", concurrent.group(2), "calls/s",
        "sequential calls", sequential)
    parse = _find(r"^parse, .*?: ([0-9.]+) parses/s.*?no-op: ([0-9.]+) parses/s", text, "parse")
    add(bench, "parse RESULTAT with 100 INSHISTO", parse.group(1), "parses/s", "XMLParser no-op", parse.group(2))


def parse_identity_store(bench, text):
    """The table rendered by IdentityStoreBench (ResultTable.render): columns separated by two spaces or more."""
    found = False
    for line in text.splitlines():
        columns = re.split(r"\s{2,}", line.strip())
        if len(columns) < 3 or columns[0] not in ("sqlite", "postgres"):
            continue
        backend, measurement, value = columns[:3]
        if value == "n/a":
            continue
        unit = re.search(r"\(([^)]*)\)\s*$", measurement)
        name = re.sub(r"\s*\([^)]*\)\s*$", "", measurement)
        baseline_name, baseline_value = "", None
        if len(columns) > 4 and columns[4].endswith("×"):
            base = re.match(r"([0-9.,]+)\s*(.*)", columns[3])
            if base:
                baseline_value, baseline_name = base.group(1), base.group(2) or "raw"
        add(bench, f"{backend}: {name}", value, unit.group(1) if unit else "", baseline_name, baseline_value)
        found = True
    if not found:
        raise SystemExit("results.py: no identity-store table in the report")


def table(path):
    rows = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as source:
            rows = [line.rstrip("\n").split("\t") for line in source if line.strip()]
    header = ["bench", "measure", "value", "unit", "baseline (same run)", "baseline value", "ratio"]
    rows = [(row + [""] * 7)[:7] for row in rows]
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(7)]
    right = {2, 5, 6}
    for row in [header] + rows:
        print("  ".join(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                        for i, cell in enumerate(row)).rstrip())


def main(argv):
    if len(argv) >= 5 and argv[1] == "add":
        add(*argv[2:8])
    elif len(argv) == 4 and argv[1] == "parse":
        parsers = {"card": parse_card, "insi": parse_insi, "identity-store": parse_identity_store}
        parsers[argv[2]](argv[3], sys.stdin.read())
    elif len(argv) == 3 and argv[1] == "table":
        table(argv[2])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
