import Testing

@testable import DataMatrix

/// The published vectors of spec/datamatrix.md, checked codeword by codeword and through both decoders.
@Suite("Reference codeword vectors")
struct ReferenceVectorTests {
    @Test func reedSolomonVector123456() throws {
        let symbol = try DataMatrixEncoder.encode("123456")
        #expect(symbol.sizeName == "10x10")
        #expect(symbol.dataCodewords == [142, 164, 186])
        #expect(symbol.errorCodewords == [114, 25, 5, 88, 102])
        try RoundTrip.check([.init(message: Array("123456".utf8), symbol: symbol)])
    }

    @Test func insExampleWithC40HeaderMatchesBWIPPReference() throws {
        let symbol = try DataMatrixEncoder.encode(INSPayloads.example, options: .init(encodation: .forcedC40Prefix(26)))
        #expect(INSPayloads.example.count == 124)
        #expect(symbol.sizeName == "40x40")
        #expect(symbol.dataCodewords == INSPayloads.exampleReferenceData)
        #expect(symbol.errorCodewords == INSPayloads.exampleReferenceErrors)
    }

    @Test func insExampleDecodesWithC40HeaderCodewords() throws {
        let symbol = try DataMatrixEncoder.encode(INSPayloads.example, options: .init(encodation: .forcedC40Prefix(26)))
        let decoded = try DecoderOracle.decode([symbol], codewords: true)
        let result = try #require(decoded.first)
        #expect(result.zxingBytes == INSPayloads.example)
        #expect(result.zxingSymbology == "]d1")
        #expect(result.dmtxBytes == INSPayloads.example)
        #expect(Array(result.dmtxDataCodewords.prefix(3)) == [230, 142, 133])
        // dmtxread labels the codewords up to and including the first pad (129) as data.
        #expect(result.dmtxDataCodewords == INSPayloads.exampleReferenceData.prefix(91).map(Int.init))
    }
}
