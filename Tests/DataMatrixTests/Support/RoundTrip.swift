import DataMatrix
import Testing

/// Encodes messages, decodes every symbol with both oracles and records an issue for each mismatch.
enum RoundTrip {
    struct Case {
        let message: [UInt8]
        let symbol: DataMatrixSymbol
    }

    /// Returns how many symbols each decoder returned exactly.
    @discardableResult
    static func check(_ cases: [Case], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let decoded = try DecoderOracle.decode(cases.map(\.symbol))
        var exact = 0
        for (testCase, result) in zip(cases, decoded) {
            let label = "\(testCase.symbol.sizeName) \(testCase.message.readable)"
            #expect(result.pngError == nil, "PNG rejected: \(result.pngError ?? "")", sourceLocation: sourceLocation)
            #expect(result.zxingBytes == testCase.message, "zxing-cpp: \(label)", sourceLocation: sourceLocation)
            #expect(result.zxingSymbology == "]d1", "zxing-cpp symbology: \(label)", sourceLocation: sourceLocation)
            #expect(result.dmtxBytes == testCase.message, "dmtxread: \(label)", sourceLocation: sourceLocation)
            if result.zxingBytes == testCase.message && result.dmtxBytes == testCase.message { exact += 1 }
        }
        return exact
    }

    static func encodeAll(
        _ messages: [[UInt8]], options: DataMatrixOptions = .init()
    ) throws -> [Case] {
        try messages.map { Case(message: $0, symbol: try DataMatrixEncoder.encode($0, options: options)) }
    }
}
