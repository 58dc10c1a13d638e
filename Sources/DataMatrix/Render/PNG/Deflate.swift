/// A small but real DEFLATE compressor (RFC 1951): greedy LZ77 matches found through a hash of three bytes, coded
/// with the fixed Huffman tables in a single final block. Barcode rasters are long repeats, so this is compact.
enum Deflate {
    private static let lengthBases: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    private static let lengthExtraBits: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBases: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtraBits: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    private static let window = 32_768
    private static let maximumMatch = 258

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)  // final block
        writer.write(1, bits: 2)  // fixed Huffman codes
        var head = [Int](repeating: -1, count: 1 << 15)
        var index = 0
        while index < input.count {
            var matchLength = 0
            var matchDistance = 0
            if index + 2 < input.count {
                let hash = Self.hash(input, index)
                let candidate = head[hash]
                head[hash] = index
                if candidate >= 0 && index - candidate <= window {
                    var length = 0
                    let limit = min(maximumMatch, input.count - index)
                    while length < limit && input[candidate + length] == input[index + length] { length += 1 }
                    if length >= 3 {
                        matchLength = length
                        matchDistance = index - candidate
                    }
                }
            }
            if matchLength > 0 {
                writeLength(matchLength, to: &writer)
                writeDistance(matchDistance, to: &writer)
                for skipped in (index + 1)..<(index + matchLength) where skipped + 2 < input.count {
                    head[Self.hash(input, skipped)] = skipped
                }
                index += matchLength
            } else {
                writeLiteral(Int(input[index]), to: &writer)
                index += 1
            }
        }
        writeLiteral(256, to: &writer)  // end of block
        return writer.finish()
    }

    private static func hash(_ input: [UInt8], _ index: Int) -> Int {
        (Int(input[index]) << 10 ^ Int(input[index + 1]) << 5 ^ Int(input[index + 2])) & 0x7FFF
    }

    /// Fixed literal/length code (RFC 1951 §3.2.6).
    private static func writeLiteral(_ symbol: Int, to writer: inout BitWriter) {
        switch symbol {
        case 0...143: writer.writeHuffman(UInt32(0x30 + symbol), bits: 8)
        case 144...255: writer.writeHuffman(UInt32(0x190 + symbol - 144), bits: 9)
        case 256...279: writer.writeHuffman(UInt32(symbol - 256), bits: 7)
        default: writer.writeHuffman(UInt32(0xC0 + symbol - 280), bits: 8)
        }
    }

    private static func writeLength(_ length: Int, to writer: inout BitWriter) {
        var code = lengthBases.count - 1
        while lengthBases[code] > length { code -= 1 }
        writeLiteral(257 + code, to: &writer)
        if lengthExtraBits[code] > 0 {
            writer.write(UInt32(length - lengthBases[code]), bits: lengthExtraBits[code])
        }
    }

    private static func writeDistance(_ distance: Int, to writer: inout BitWriter) {
        var code = distanceBases.count - 1
        while distanceBases[code] > distance { code -= 1 }
        writer.writeHuffman(UInt32(code), bits: 5)
        if distanceExtraBits[code] > 0 {
            writer.write(UInt32(distance - distanceBases[code]), bits: distanceExtraBits[code])
        }
    }
}
