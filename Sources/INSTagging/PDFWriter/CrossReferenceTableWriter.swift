/// The fixed 20-byte entries of a classic cross-reference table (ISO 32000-1 §7.5.4).
enum CrossReferenceTableWriter {
    static func entry(offset: Int, generation: Int) -> String {
        padded(offset, width: 10) + " " + padded(generation, width: 5) + " n\r\n"
    }

    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Subsections of consecutive numbers: `first count` then the entries.
    static func table(_ offsets: [(reference: PDFReference, offset: Int)]) -> [UInt8] {
        let sorted = offsets.sorted { $0.reference.number < $1.reference.number }
        var output = Array("xref\n".utf8)
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count, sorted[end].reference.number == sorted[end - 1].reference.number + 1 {
                end += 1
            }
            output += Array("\(sorted[index].reference.number) \(end - index)\n".utf8)
            for item in sorted[index..<end] {
                output += Array(entry(offset: item.offset, generation: item.reference.generation).utf8)
            }
            index = end
        }
        return output
    }
}
