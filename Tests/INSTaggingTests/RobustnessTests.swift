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

    @Test func absurdNumbersInCrossReferenceDataAreDamageNotCrashes() throws {
        let trailer = "trailer\n<< /Size 3 /Root 1 0 R >>\n"
        let shapes = [
            "xref\n9223372036854775807 1\n0000000010 00000 n \n" + trailer,
            "xref\n0 9223372036854775807\n" + trailer,
            "xref\n0 1\n9223372036854775807 00000 n \n" + trailer,
            "1 0 obj\n<< /Type /XRef /Size 9 /W [1 8 1] /Index [9223372036854775800 9] /Length 0 >>\nstream\n\nendstream",
            "1 0 obj\n<< /Type /XRef /Size 9 /W [1 2 1] /Index [0 4611686018427387904] /Length 0 >>\nstream\n\nendstream",
            "1 0 obj\n<< /Type /XRef /Size 1 /W [1 2 1] /Length 4 /Filter /FlateDecode "
                + "/DecodeParms << /Predictor 12 /Columns 1000000 /Colors 32 /BitsPerComponent 16 >> >>\nstream\nxxxx\nendstream",
        ]
        for shape in shapes {
            let body = Array("%PDF-1.7\n".utf8)
            let section = Array(shape.utf8)
            let file = body + section + Array("\nstartxref\n\(body.count)\n%%EOF\n".utf8)
            #expect(throws: INSTaggingError.self) {
                try PDFStamper.stampFirstPage(of: file, with: Self.request)
            }
        }
    }
}
