/// Rows of an uncompressed cross-reference stream (type 1 entries only: every object we add is plain).
enum CrossReferenceStreamWriter {
    static func encode(_ rows: [(reference: PDFReference, offset: Int)]) -> (widths: [Int], index: [Int], data: [UInt8])
    {
        let sorted = rows.sorted { $0.reference.number < $1.reference.number }
        let largestOffset = sorted.map(\.offset).max() ?? 0
        var offsetWidth = 1
        while offsetWidth < 8, largestOffset >> (8 * offsetWidth) != 0 {
            offsetWidth += 1
        }
        let largestGeneration = sorted.map(\.reference.generation).max() ?? 0
        let generationWidth = largestGeneration > 0xFF ? 2 : 1
        var index: [Int] = []
        var data: [UInt8] = []
        var position = 0
        while position < sorted.count {
            var end = position + 1
            while end < sorted.count, sorted[end].reference.number == sorted[end - 1].reference.number + 1 {
                end += 1
            }
            index += [sorted[position].reference.number, end - position]
            for row in sorted[position..<end] {
                data.append(1)
                data += bigEndian(row.offset, width: offsetWidth)
                data += bigEndian(row.reference.generation, width: generationWidth)
            }
            position = end
        }
        return ([1, offsetWidth, generationWidth], index, data)
    }

    private static func bigEndian(_ value: Int, width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * (width - 1 - $0))) }
    }
}
