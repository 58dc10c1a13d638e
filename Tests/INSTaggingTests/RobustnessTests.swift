import DataMatrix
import Foundation
import INSTagging
import Testing

/// Damaged inputs must give a typed error or a correct stamp — never a crash, a hang or a changed prefix.
@Suite("Malformed PDFs never crash the stamper")
struct RobustnessTests {
    static let request = StampRequest(payload: TestPayload.example, lines: TestPayload.lines)

    /// A small deterministic generator so that failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: ["classic.pdf", "object-streams.pdf", "hybrid.pdf", "two-revisions.pdf"])
    func everyTruncationAndManyByteFlipsAreHandled(fixture: String) throws {
        let original = try Fixture.bytes(fixture)
        // Encoded once: the subject here is the PDF reader, not the encoder.
        let symbol = try DataMatrixEncoder.encode(
            TestPayload.example, options: DataMatrixOptions(encodation: .forcedC40Prefix(26)))
        var outcomes = (stamped: 0, refused: 0)
        func attempt(_ bytes: [UInt8]) {
            do {
                let output = try PDFStamper.stampFirstPage(of: bytes, with: Self.request, symbol: symbol)
                #expect(output.starts(with: bytes))
                outcomes.stamped += 1
            } catch {
                #expect(!error.userMessage.isEmpty)
                outcomes.refused += 1
            }
        }
        for length in stride(from: 0, to: original.count, by: 3) {
            attempt(Array(original[0..<length]))
        }
        var random = SplitMix(state: UInt64(original.count))
        for _ in 0..<400 {
            var mutated = original
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let index = Int(random.next() % UInt64(mutated.count))
                mutated[index] = UInt8(truncatingIfNeeded: random.next())
            }
            attempt(mutated)
        }
        #expect(outcomes.refused > 0 && outcomes.stamped > 0)
    }
}
