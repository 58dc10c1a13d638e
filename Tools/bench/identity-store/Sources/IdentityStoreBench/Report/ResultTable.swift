import Foundation

/// The printed table: every measurement next to its same-run baseline, the ratio between them, and the
/// issue's goal where there is one. Nothing here asserts: a goal not met is printed as such.
struct ResultTable {
    struct Line {
        let backend: String
        let measurement: String
        let value: String
        let baseline: String
        let ratio: String
        let goal: String
        let verdict: String
    }

    let rows: Int
    let generated: PhaseResult
    private(set) var lines: [Line] = []
    private(set) var notes: [String] = []

    init(rows: Int, generated: PhaseResult) {
        self.rows = rows
        self.generated = generated
    }

    mutating func add(
        backend: String, raw: PhaseResult, rawDeferred: PhaseResult? = nil, imported: PhaseResult,
        searched: PhaseResult, verified: PhaseResult
    ) {
        let sqlite = backend == "sqlite"
        let atScale = rows >= 1_000_000
        func verdict(_ met: Bool, applies: Bool = true) -> String {
            guard applies else { return "" }
            return met ? "met" : "NOT met"
        }
        let rate = imported["rows_per_second"] ?? 0
        let rawRate = raw["rows_per_second"] ?? 0
        if let rawDeferred {
            // The fair floor: the store's strategy on an empty base (insert without the identity indexes, then
            // build them), the rebuild timed with the inserts.
            let deferredRate = rawDeferred["rows_per_second"] ?? 0
            lines.append(
                Line(
                    backend: backend, measurement: "import (rows/s)", value: Self.number(rate),
                    baseline: Self.number(deferredRate) + " raw insert, indexes after",
                    ratio: Self.ratio(rate, deferredRate), goal: sqlite ? "≥ 50,000" : "",
                    verdict: verdict(rate >= 50_000, applies: sqlite)))
        }
        lines.append(
            Line(
                backend: backend, measurement: rawDeferred == nil ? "import (rows/s)" : "import (rows/s), plain raw",
                value: Self.number(rate), baseline: Self.number(rawRate) + (sqlite ? " raw insert" : " raw COPY"),
                ratio: Self.ratio(rate, rawRate), goal: sqlite && rawDeferred == nil ? "≥ 50,000" : "",
                verdict: verdict(rate >= 50_000, applies: sqlite && rawDeferred == nil)))
        let peak = imported["peak_mib"] ?? 0
        lines.append(
            Line(
                backend: backend, measurement: "import peak RSS (MiB)", value: Self.fixed(peak, 1),
                baseline: Self.fixed(raw["peak_mib"] ?? 0, 1), ratio: Self.ratio(peak, raw["peak_mib"] ?? 0),
                goal: "≤ 200", verdict: verdict(peak <= 200)))
        for (key, label, goal) in [
            ("matricule", "matricule search", nil as Double?), ("duplicates", "duplicate search", 20),
        ] {
            for percentile in ["p50", "p95"] {
                let value = searched["\(key)_\(percentile)_ms"] ?? .nan
                let floor = searched["\(key)_raw_\(percentile)_ms"] ?? .nan
                let goalText = percentile == "p95" ? goal.map { "≤ \(Int($0)) ms" + (atScale ? "" : " at 1M") } : nil
                lines.append(
                    Line(
                        backend: backend, measurement: "\(label) \(percentile) (ms)", value: Self.fixed(value, 2),
                        baseline: Self.fixed(floor, 2) + " raw SQL", ratio: Self.ratio(value, floor),
                        goal: goalText ?? "",
                        verdict: goalText != nil && !atScale
                            ? "(goal is for 1M rows)" : verdict(value <= (goal ?? 0), applies: goalText != nil)))
            }
        }
        let seconds = verified["seconds"] ?? 0
        lines.append(
            Line(
                backend: backend, measurement: "audit verify (s)", value: Self.fixed(seconds, 1),
                baseline: Self.fixed(verified["raw_seconds"] ?? 0, 1) + " raw scan",
                ratio: Self.ratio(seconds, verified["raw_seconds"] ?? 0), goal: "",
                verdict: (verified["intact"] ?? 0) == 1 ? "intact" : "PROBLEMS"))
        lines.append(
            Line(
                backend: backend, measurement: "audit verify peak RSS (MiB)",
                value: Self.fixed(verified["peak_mib"] ?? 0, 1), baseline: "", ratio: "", goal: "", verdict: ""))
        notes.append(
            "\(backend): imported \(Self.number(imported["imported"] ?? 0)), rejected "
                + "\(Self.number(imported["rejected"] ?? 0)) lines in \(Self.fixed(imported["seconds"] ?? 0, 1)) s; "
                + "raw baseline \(Self.fixed(raw["seconds"] ?? 0, 1)) s"
                + (rawDeferred.map { "; raw, indexes after, \(Self.fixed($0["seconds"] ?? 0, 1)) s" } ?? "")
                + "; \(Self.number(searched["matricule_queries"] ?? 0)) "
                + "matricule and \(Self.number(searched["duplicate_queries"] ?? 0)) duplicate queries "
                + "(\(Self.number(searched["duplicate_queries_with_candidates"] ?? 0)) with candidates); "
                + "verify checked \(Self.number(verified["events"] ?? 0)) events, "
                + "\(Self.number(verified["rows"] ?? 0)) rows, \(Self.number(verified["problems"] ?? 0)) problems")
    }

    func render() -> String {
        let header = Line(
            backend: "backend", measurement: "measurement", value: "value", baseline: "baseline (same run)",
            ratio: "ratio", goal: "goal", verdict: "")
        let all = [header] + lines
        func width(_ path: KeyPath<Line, String>) -> Int { all.map { $0[keyPath: path].count }.max() ?? 0 }
        let widths = [
            width(\.backend), width(\.measurement), width(\.value), width(\.baseline), width(\.ratio), width(\.goal),
        ]
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        var out = [
            "Identity store, \(Self.number(Double(rows))) synthetic lines "
                + "(\(Self.number(generated["good"] ?? 0)) valid, \(Self.number(generated["bad"] ?? 0)) bad, "
                + "\(Self.number(generated["near_duplicates"] ?? 0)) near-duplicates). "
                + "ratio = value / baseline."
        ]
        for line in all {
            out.append(
                [
                    pad(line.backend, widths[0]), pad(line.measurement, widths[1]),
                    pad(line.value, widths[2], right: true), pad(line.baseline, widths[3]),
                    pad(line.ratio, widths[4], right: true), pad(line.goal, widths[5]), line.verdict,
                ].joined(separator: "  "))
        }
        return (out + [""] + notes).joined(separator: "\n")
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let integer = Int(value.rounded())
        let digits = String(abs(integer))
        var grouped = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (integer < 0 ? "-" : "") + String(grouped.reversed())
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        return String(format: "%.\(decimals)f", value)
    }

    static func ratio(_ value: Double, _ baseline: Double) -> String {
        guard baseline > 0, value.isFinite, baseline.isFinite else { return "n/a" }
        return String(format: "%.2f×", value / baseline)
    }
}
