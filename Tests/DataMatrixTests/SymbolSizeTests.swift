import Testing

@testable import DataMatrix

@Suite("Symbol sizes")
struct SymbolSizeTests {
    @Test func insExampleIs40x40WithC40HeaderAnd36x36WhenFullyMinimal() throws {
        let header = try DataMatrixEncoder.encode(INSPayloads.example, options: .init(encodation: .forcedC40Prefix(26)))
        let minimal = try DataMatrixEncoder.encode(INSPayloads.example)
        #expect(header.sizeName == "40x40")
        #expect(header.dataCodewords.first == Codeword.latchC40)
        #expect(minimal.sizeName == "36x36")
        #expect(minimal.dataCodewords.first != Codeword.latchC40)
        try RoundTrip.check([
            .init(message: INSPayloads.example, symbol: header), .init(message: INSPayloads.example, symbol: minimal),
        ])
    }

    @Test func insWorstCaseIs64x64WithC40Header() throws {
        #expect(INSPayloads.worstCase.count == 291)
        let symbol = try DataMatrixEncoder.encode(
            INSPayloads.worstCase, options: .init(encodation: .forcedC40Prefix(26)))
        #expect(symbol.sizeName == "64x64")
        #expect(Array(symbol.dataCodewords.prefix(3)) == [230, 142, 133])
        let whole = try DataMatrixEncoder.encode(INSPayloads.worstCase, options: .init(encodation: .wholeMessageC40))
        let minimal = try DataMatrixEncoder.encode(INSPayloads.worstCase)
        #expect(minimal.rows <= 52)
        try RoundTrip.check([
            .init(message: INSPayloads.worstCase, symbol: symbol), .init(message: INSPayloads.worstCase, symbol: whole),
            .init(message: INSPayloads.worstCase, symbol: minimal),
        ])
    }

    @Test func testOIDIsNotFollowedByGroupSeparator() throws {
        let payload = INSPayloads.worstCase
        let oid = Array("S21.2.250.1.213.1.4.10".utf8)
        let start = try #require(payload.firstRange(of: oid))
        #expect(payload[start.upperBound] == UInt8(ascii: "S"))
        #expect(INSPayloads.example[INSPayloads.example.firstRange(of: Array("1.4.8".utf8))!.upperBound] == 0x1D)
    }

    /// Every square and rectangular size, filled close to capacity with bytes of every value (so 144×144's unequal
    /// blocks carry real data), and once nearly empty through `minimumSize`.
    @Test func everySizeRoundTripsNearCapacityAndNearlyEmpty() throws {
        var generator = SplitMix64(seed: 144)
        var cases: [RoundTrip.Case] = []
        for size in DataMatrixSize.allSizes {
            let shape: DataMatrixOptions.Shape = size.isSquare ? .square : .rectangularAllowed
            let full = (0..<max(1, size.dataCapacity - 4)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let options = DataMatrixOptions(shape: shape, minimumSize: size)
            let symbol = try DataMatrixEncoder.encode(full, options: options)
            #expect(symbol.size == size, "\(full.count) random bytes")
            cases.append(.init(message: full, symbol: symbol))
            let short = Array("A1".utf8)
            let padded = try DataMatrixEncoder.encode(short, options: options)
            #expect(padded.size == size)
            cases.append(.init(message: short, symbol: padded))
        }
        #expect(try RoundTrip.check(cases) == cases.count)
    }

    @Test func largestSymbolHoldsExactly1558DigitPairsAndNoMore() throws {
        let digits = [UInt8](repeating: UInt8(ascii: "7"), count: 3116)
        let symbol = try DataMatrixEncoder.encode(digits)
        #expect(symbol.sizeName == "144x144")
        #expect(symbol.dataCodewords.allSatisfy { $0 == 130 + 77 })
        #expect(symbol.errorCodewords.count == 620)
        #expect(throws: DataMatrixError.self) { try DataMatrixEncoder.encode(digits + [UInt8(ascii: "7")]) }
        try RoundTrip.check([.init(message: digits, symbol: symbol)])
    }

    @Test func rectangularOnlyWhenAllowedAndNeverDMRE() throws {
        let message = Array("ABCDEFGHIJKL".utf8)
        let square = try DataMatrixEncoder.encode(message)
        #expect(square.rows == square.columns)
        let rectangle = try DataMatrixEncoder.encode(message, options: .init(shape: .rectangularAllowed))
        #expect(DataMatrixSize.allSizes.contains(rectangle.size))
        #expect(DataMatrixSize(rows: 8, columns: 48) == nil)  // DMRE
        #expect(DataMatrixSize(rows: 26, columns: 40) == nil)  // DMRE
        #expect(DataMatrixSize.allSizes.count == 30)
        try RoundTrip.check([.init(message: message, symbol: square), .init(message: message, symbol: rectangle)])
    }
}
