/// Chooses the smallest allowed symbol for the message and produces its data codewords (padding included).
enum DataEncodation {
    struct Result: Sendable {
        let size: SymbolSize
        let codewords: [UInt8]
        /// Codewords carrying the message, before padding.
        let dataLength: Int
        /// The end-of-data rule that was applied (kept for tests).
        let termination: EncodationTermination
    }

    static func encode(
        _ bytes: [UInt8], forcedC40Count: Int, candidates: [SymbolSize]
    ) throws(DataMatrixError) -> Result {
        let search = MinimalEncodationSearch(input: bytes, forcedC40Count: forcedC40Count)
        for size in candidates {
            guard let (termination, used) = EncodationTermination.best(in: search, capacity: size.dataCodewords)
            else { continue }
            let (position, node): (Int, Int)
            switch termination {
            case .atEnd(let end), .base256ToEnd(let end): (position, node) = (bytes.count, end)
            case .implicitASCIITail(let tailStart, let start): (position, node) = (tailStart, start)
            }
            var emitter = CodewordEmitter(capacity: size.dataCodewords)
            for step in search.steps(to: position, node: node) { emitter.emit(step) }
            emitter.finish(termination, tail: bytes[position...])
            guard emitter.dataLength == used, emitter.codewords.count == size.dataCodewords else {
                throw .internalInconsistency(
                    "planned \(used) codewords for \(size.rows)x\(size.columns), emitted \(emitter.dataLength)")
            }
            return Result(size: size, codewords: emitter.codewords, dataLength: used, termination: termination)
        }
        guard let largest = candidates.last else {
            throw .internalInconsistency("no candidate symbol size")
        }
        throw .messageTooLong(
            byteCount: bytes.count, requiredCodewords: minimumCodewords(search),
            largestCapacity: largest.dataCodewords, largestSize: "\(largest.rows)x\(largest.columns)")
    }

    /// Codewords the message needs ignoring the symbol-dependent end-of-data savings (for the error message only).
    private static func minimumCodewords(_ search: MinimalEncodationSearch) -> Int {
        let huge = Int(Int32.max / 2)
        return EncodationTermination.best(in: search, capacity: huge)?.used ?? huge
    }
}
