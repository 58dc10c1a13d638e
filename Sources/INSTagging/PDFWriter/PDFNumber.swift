/// PDF number syntax: no exponent, at most four decimals, no trailing zeros (ISO 32000-1 §7.3.3).
enum PDFNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 10_000).rounded()
        guard abs(scaled) < 9e15 else {
            // Far beyond any page size (ISO 32000 limits are around 3.4e38 for reals): whole numbers suffice.
            return abs(value) < 9e18 ? String(Int(value.rounded())) : "0"
        }
        var units = Int(scaled)
        let negative = units < 0
        units = abs(units)
        let whole = units / 10_000
        var fraction = String(units % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        let sign = negative && (whole != 0 || !fraction.isEmpty) ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
