/// Least-significant-bit-first bit packing, the order DEFLATE uses (RFC 1951 §3.1.1).
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    mutating func write(_ value: UInt32, bits: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Huffman codes are defined most-significant bit first, so they go in reversed.
    mutating func writeHuffman(_ code: UInt32, bits: Int) {
        var reversed: UInt32 = 0
        for index in 0..<bits where code & (1 << UInt32(index)) != 0 {
            reversed |= 1 << UInt32(bits - 1 - index)
        }
        write(reversed, bits: bits)
    }

    mutating func finish() -> [UInt8] {
        if count > 0 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer = 0
            count = 0
        }
        return bytes
    }
}
