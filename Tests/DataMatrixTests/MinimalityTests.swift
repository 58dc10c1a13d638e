import DataMatrix
import Foundation
import Testing

/// Our minimal encoder against zint 2.11's (itself a minimal-encodation search) on a committed corpus of 1,000 INS
/// payloads and 1,000 mixed strings (Fixtures/generate_minimality_corpus.py). Where zint is smaller, the encoder is
/// wrong: this test is never loosened.
@Suite("Minimality against zint")
struct MinimalityTests {
    static func corpus() throws -> [(kind: String, message: [UInt8])] {
        let url = DecoderOracle.fixturesDirectory().appendingPathComponent("minimality_corpus.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let bytes = DecoderOracle.Decoded.bytes(hex: String(parts[1])) else { return nil }
            return (String(parts[0]), bytes)
        }
    }

    @Test func neverLargerThanZintAndEverySymbolDecodes() throws {
        let corpus = try Self.corpus()
        #expect(corpus.count == 2000)
        let zintSides = try ZintOracle.squareSizes(for: corpus.map(\.message))
        var cases: [RoundTrip.Case] = []
        var tally: [String: (smaller: Int, equal: Int, larger: Int)] = [:]
        for ((kind, message), zintSide) in zip(corpus, zintSides) {
            let symbol = try DataMatrixEncoder.encode(message)
            cases.append(.init(message: message, symbol: symbol))
            var counts = tally[kind] ?? (0, 0, 0)
            if symbol.rows < zintSide {
                counts.smaller += 1
            } else if symbol.rows == zintSide {
                counts.equal += 1
            } else {
                counts.larger += 1
                Issue.record("zint \(zintSide)x\(zintSide) beats our \(symbol.sizeName) for \(message.readable)")
            }
            tally[kind] = counts
        }
        for (kind, counts) in tally.sorted(by: { $0.key < $1.key }) {
            print("minimality \(kind): smaller \(counts.smaller), equal \(counts.equal), larger \(counts.larger)")
        }
        #expect(try RoundTrip.check(cases) == cases.count)
    }
}
