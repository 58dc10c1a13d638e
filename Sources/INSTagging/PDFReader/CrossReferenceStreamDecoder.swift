/// Decodes the binary rows of a cross-reference stream (`/W`, `/Index`, ISO 32000-1 §7.5.8.3).
enum CrossReferenceStreamDecoder {
    static func entries(of stream: PDFStream) throws(INSTaggingError) -> [(Int, CrossReferenceEntry)] {
        guard let widths = stream.dictionary["W"]?.arrayValue?.compactMap(\.integerValue), widths.count == 3,
            widths.allSatisfy({ (0...8).contains($0) }), let size = stream.dictionary["Size"]?.integerValue
        else {
            throw .damagedPDF(reason: "cross-reference stream without a valid /W or /Size")
        }
        let index = stream.dictionary["Index"]?.arrayValue?.compactMap(\.integerValue) ?? [0, size]
        guard index.count % 2 == 0 else {
            throw .damagedPDF(reason: "cross-reference stream /Index has an odd length")
        }
        let data = try StreamDecoder.decode(stream)
        let rowWidth = widths.reduce(0, +)
        guard rowWidth > 0 else {
            throw .damagedPDF(reason: "cross-reference stream rows are empty")
        }
        var result: [(Int, CrossReferenceEntry)] = []
        var position = 0
        for pair in stride(from: 0, to: index.count, by: 2) {
            let first = index[pair]
            let count = index[pair + 1]
            guard first >= 0, count >= 0, first <= maximumObjectNumber, count <= data.count / rowWidth,
                position + count * rowWidth <= data.count
            else {
                throw .damagedPDF(reason: "cross-reference stream is shorter than its /Index")
            }
            for number in first..<(first + count) {
                let type = widths[0] == 0 ? 1 : field(data, at: position, width: widths[0])
                let second = field(data, at: position + widths[0], width: widths[1])
                let third = field(data, at: position + widths[0] + widths[1], width: widths[2])
                position += rowWidth
                switch type {
                case 0: result.append((number, .free))
                case 1: result.append((number, .uncompressed(offset: second, generation: third)))
                case 2: result.append((number, .compressed(objectStream: second, index: third)))
                default: continue  // Unknown types are references to the null object.
                }
            }
        }
        return result
    }

    private static func field(_ data: [UInt8], at position: Int, width: Int) -> Int {
        var value = 0
        for index in position..<(position + width) {
            value = value << 8 | Int(data[index])
        }
        return value
    }
}
