import DataMatrix
import PropertyBased
import Testing

/// Random messages over ASCII, the INS alphabet and Latin-1, under random options: every symbol must hold the
/// message within capacity, the minimal search must never lose to a forced C40 encoding, and both decoders must
/// return the exact bytes (decoded in one batch after the property run).
@Suite("Round-trip properties")
struct PropertyTests {
    static let insAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ '-0123456789.\u{1D}".utf8)

    static let encodations = Gen<Int>.int(in: 0...3)

    static func options(_ choice: Int, length: Int) -> DataMatrixOptions {
        switch choice {
        case 0: return DataMatrixOptions()
        case 1: return DataMatrixOptions(encodation: .wholeMessageC40)
        case 2: return DataMatrixOptions(encodation: .forcedC40Prefix(length / 3))
        default: return DataMatrixOptions(shape: .rectangularAllowed)
        }
    }

    func run(
        _ messages: Generator<[UInt8], some Sequence>, count: Int
    ) async throws {
        var cases: [RoundTrip.Case] = []
        await propertyCheck(count: count, input: messages, Self.encodations) { message, choice in
            let symbol = try DataMatrixEncoder.encode(message, options: Self.options(choice, length: message.count))
            #expect(symbol.dataCodewords.count == symbol.size.dataCapacity)
            #expect(symbol.messageCodewordCount <= symbol.dataCodewords.count)
            if choice == 1 || choice == 2 {
                let minimal = try DataMatrixEncoder.encode(message)
                #expect(minimal.size.dataCapacity <= symbol.size.dataCapacity)
            }
            cases.append(.init(message: message, symbol: symbol))
        }
        #expect(try RoundTrip.check(cases) == cases.count)
    }

    @Test func asciiMessagesRoundTrip() async throws {
        try await run(Gen<UInt8>.value(in: 0...127).array(of: 1...90), count: 60)
    }

    @Test func insAlphabetMessagesRoundTrip() async throws {
        try await run(Gen<UInt8?>.element(of: Self.insAlphabet).map { $0 ?? 65 }.array(of: 1...300), count: 60)
    }

    @Test func latin1MessagesRoundTrip() async throws {
        try await run(Gen<UInt8>.value(in: 0...255).array(of: 1...60), count: 40)
    }
}
