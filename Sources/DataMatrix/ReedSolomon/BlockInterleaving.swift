/// Splits the data codewords over the Reed–Solomon blocks (codeword i to block i mod blockCount; so 144×144 has
/// eight blocks of 156 and two of 155) and interleaves the error codewords the same way.
enum BlockInterleaving {
    /// Error codewords in symbol order: codeword k of block b at k × blockCount + b.
    static func errorCodewords(for data: [UInt8], size: SymbolSize) -> [UInt8] {
        let blocks = size.blockCount
        let perBlock = size.errorCodewordsPerBlock
        let encoder = ReedSolomonEncoder.byBlockLength[perBlock] ?? ReedSolomonEncoder(errorCodewordCount: perBlock)
        var interleaved = [UInt8](repeating: 0, count: perBlock * blocks)
        for block in 0..<blocks {
            let blockData = stride(from: block, to: data.count, by: blocks).map { data[$0] }
            for (index, codeword) in encoder.errorCodewords(for: blockData).enumerated() {
                interleaved[index * blocks + block] = codeword
            }
        }
        return interleaved
    }
}
