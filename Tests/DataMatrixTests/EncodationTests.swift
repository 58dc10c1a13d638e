import Testing

@testable import DataMatrix

@Suite("Encodation schemes and end-of-data rules")
struct EncodationTests {
    typealias Node = MinimalEncodationSearch.Node

    static let alphabets: [(name: String, bytes: [UInt8])] = [
        ("digits", Array("0123456789".utf8)),
        ("C40 basic", Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ".utf8)),
        ("Text basic", Array("abcdefghijklmnopqrstuvwxyz0123456789 ".utf8)),
        ("X12", Array("ABCXYZ0189 *>\r".utf8)),
        ("EDIFACT", Array(".,:;@[\\]^?/ABC".utf8)),
        ("C40 with shifts", Array("A-B.C'D\u{1D}E".utf8)),
        ("INS", Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ '-0123456789.\u{1D}".utf8)),
        ("Latin-1 high", (160...255).map { UInt8($0) }),
        ("all bytes", (0...255).map { UInt8($0) }),
    ]

    @Test func eachSchemeIsChosenWhereItPays() throws {
        let expectations: [(String, UInt8)] = [
            ("ABCDEFGHIJKLMNOPQRSTUVWX", Codeword.latchC40),
            ("abcdefghijklmnopqrstuvwx", Codeword.latchText),
            ("ABC*>\rABC*>\rABC*>\rABC*>\r", Codeword.latchX12),
            (".,:;@[\\]^.,:;@[\\]^.,:;@[\\]^", Codeword.latchEDIFACT),
        ]
        var cases: [RoundTrip.Case] = []
        for (text, latch) in expectations {
            let symbol = try DataMatrixEncoder.encode(text)
            #expect(symbol.dataCodewords.contains(latch), "\(text) should use latch \(latch)")
            cases.append(.init(message: Array(text.utf8), symbol: symbol))
        }
        let binary = (0..<40).map { UInt8(128 + $0 * 3) }
        let symbol = try DataMatrixEncoder.encode(binary)
        #expect(symbol.dataCodewords.first == Codeword.latchBase256)
        cases.append(.init(message: binary, symbol: symbol))
        #expect(try RoundTrip.check(cases) == cases.count)
    }

    /// Every alphabet at every length 1…40, minimal, whole-message C40 and a forced C40 prefix, and again one size
    /// larger than needed: the end of the message meets the end of the symbol in every possible way.
    @Test func everyLengthOfEveryAlphabetRoundTrips() throws {
        var generator = SplitMix64(seed: 16022)
        var cases: [RoundTrip.Case] = []
        var terminations: Set<String> = []
        for alphabet in Self.alphabets {
            for length in 1...30 {
                let message = (0..<length).map { _ in alphabet.bytes.randomElement(using: &generator) ?? 65 }
                for encodation in [
                    DataMatrixOptions.Encodation.minimal, .wholeMessageC40, .forcedC40Prefix(length / 2),
                ] {
                    let symbol = try DataMatrixEncoder.encode(message, options: .init(encodation: encodation))
                    cases.append(.init(message: message, symbol: symbol))
                    if encodation == .minimal {
                        let larger = DataMatrixSize.allSizes.first { $0.isSquare && $0.rows > symbol.rows }
                        let roomy = try DataMatrixEncoder.encode(message, options: .init(minimumSize: larger))
                        cases.append(.init(message: message, symbol: roomy))
                    }
                    let forced = encodation == .minimal ? 0 : (encodation == .wholeMessageC40 ? length : length / 2)
                    let plan = try DataEncodation.encode(
                        message, forcedC40Count: forced, candidates: SymbolSize.candidates(shape: .square, minimum: nil)
                    )
                    terminations.insert(Self.describe(plan.termination))
                }
            }
        }
        #expect(terminations.isSuperset(of: ["ascii", "c40", "c40+shift1", "edifact", "tail c40", "text", "x12"]))
        #expect(try RoundTrip.check(cases) == cases.count)
    }

    /// EDIFACT runs whose last character(s) follow in ASCII without unlatch (the decoder is back in ASCII when fewer
    /// than three codewords remain at the start of a quadruplet): searched over lengths, then decoded.
    @Test func edifactEndsWithImplicitASCII() throws {
        let cycle = Array(".,:;@[\\]^?/".utf8)
        var cases: [RoundTrip.Case] = []
        for length in 1...80 {
            for suffix in [[], Array("7".utf8), Array("42".utf8), Array("4242".utf8)] {
                let message = (0..<length).map { cycle[$0 % cycle.count] } + suffix
                let plan = try DataEncodation.encode(
                    message, forcedC40Count: 0, candidates: SymbolSize.candidates(shape: .square, minimum: nil))
                if Self.describe(plan.termination) == "tail edifact" {
                    cases.append(.init(message: message, symbol: try DataMatrixEncoder.encode(message)))
                }
            }
        }
        #expect(cases.count >= 3)
        #expect(try RoundTrip.check(cases) == cases.count)
    }

    @Test func base256SegmentRunningToTheEndUsesLengthZero() throws {
        let message = (0..<278).map { UInt8(128 + $0 % 128) }
        let plan = try DataEncodation.encode(
            message, forcedC40Count: 0, candidates: SymbolSize.candidates(shape: .square, minimum: nil))
        #expect(plan.size.rows == 64)
        if case .base256ToEnd = plan.termination {} else { Issue.record("expected length 0, got \(plan.termination)") }
        let symbol = try DataMatrixEncoder.encode(message)
        #expect(try RoundTrip.check([.init(message: message, symbol: symbol)]) == 1)
    }

    @Test func base256LengthFieldTakesTwoCodewordsFrom250Bytes() throws {
        let message = (0..<300).map { UInt8(200 + $0 % 50) }
        let symbol = try DataMatrixEncoder.encode(message)
        #expect(symbol.dataCodewords.first == Codeword.latchBase256)
        #expect(symbol.sizeName == "72x72")
        #expect(try RoundTrip.check([.init(message: message, symbol: symbol)]) == 1)
    }

    @Test func upperShiftAndTextShiftsRoundTrip() throws {
        let messages: [[UInt8]] = [
            [0xE9, 0x41, 0xE8], Array("Zoë".unicodeScalars.map { UInt8($0.value) }), [0x00, 0x7F, 0x80, 0xFF],
            Array("aBcDeFgHiJkL`{|}~".utf8), Array("\u{1D}\u{1E}\u{04}".utf8),
        ]
        var cases = try RoundTrip.encodeAll(messages)
        cases += try RoundTrip.encodeAll(messages, options: .init(encodation: .wholeMessageC40))
        #expect(try RoundTrip.check(cases) == cases.count)
    }

    @Test func forcedPrefixIsC40EvenWhenASCIIWouldBeShorter() throws {
        let digits = Array("12345678901234567890".utf8)
        let minimal = try DataMatrixEncoder.encode(digits)
        let forced = try DataMatrixEncoder.encode(digits, options: .init(encodation: .forcedC40Prefix(6)))
        let pair12: UInt8 = 130 + 12
        #expect(minimal.dataCodewords.first == pair12)
        #expect(forced.dataCodewords.first == Codeword.latchC40)
        let whole = try DataMatrixEncoder.encode(digits, options: .init(encodation: .wholeMessageC40))
        #expect(whole.dataCodewords.first == Codeword.latchC40)
        // 18 digits fill six triplets; ISO's end-of-data rule puts the last two in ASCII.
        #expect(!whole.dataCodewords.prefix(13).contains(Codeword.unlatch))
        #expect(
            try RoundTrip.check([
                .init(message: digits, symbol: minimal), .init(message: digits, symbol: forced),
                .init(message: digits, symbol: whole),
            ]) == 3)
    }

    static func describe(_ termination: EncodationTermination) -> String {
        switch termination {
        case .base256ToEnd: return "base256 to end"
        case .implicitASCIITail(_, let node): return "tail " + name(node)
        case .atEnd(let node):
            if node == Node.c40 + 2 || node == Node.text + 2 { return name(node) + "+shift1" }
            return name(node)
        }
    }

    private static func name(_ node: Int) -> String {
        switch MinimalEncodationSearch.scheme(of: node) {
        case .ascii: return "ascii"
        case .c40: return "c40"
        case .text: return "text"
        case .x12: return "x12"
        case .edifact: return "edifact"
        case .base256: return "base256"
        }
    }
}
