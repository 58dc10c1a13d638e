import DataMatrix
import Testing

/// Issue #3: the 8x32 symbol of "D Y-YG485PP" that dmtxread found nothing in at 4 pixels per module. Its codewords
/// follow ISO/IEC 16022 to the letter; the miss is libdmtx's region fitting (see `RoundTrip.libdmtxMisfitSizes`).
@Suite("Rectangular symbols and libdmtx")
struct RectangularLibdmtxTests {
    static let message = Array("D Y-YG485PP".utf8)

    @Test func dYYG485PPIs8x32InC40ToTheEndAndBothDecodersReadIt() throws {
        let symbol = try DataMatrixEncoder.encode(Self.message, options: .init(shape: .rectangularAllowed))
        #expect(symbol.sizeName == "8x32")
        // C40 latch, then "D␣Y", Shift 2 "-" "Y", "G48", "5PP". The data ends on a triplet boundary with one codeword
        // left, so no unlatch (the decoder is back in ASCII there), and that codeword is the first pad, 129.
        #expect(symbol.dataCodewords == [230, 106, 223, 8, 71, 126, 77, 60, 230, 129])
        #expect(symbol.messageCodewordCount == 9)
        #expect(symbol.errorCodewords == [17, 146, 238, 108, 7, 52, 205, 40, 122, 207, 211])
        #expect(try RoundTrip.check([.init(message: Self.message, symbol: symbol)]) == 1)
        for scale in RoundTrip.libdmtxRetryScales {
            let decoded = try DecoderOracle.decode([symbol], scale: scale, codewords: true)
            let result = try #require(decoded.first)
            #expect(result.zxingBytes == Self.message, "zxing-cpp at \(scale) px per module")
            #expect(result.dmtxBytes == Self.message, "dmtxread at \(scale) px per module")
            // libdmtx's codewords are ours (pad included).
            #expect(result.dmtxDataCodewords == symbol.dataCodewords.map(Int.init), "dmtxread -c at \(scale)")
        }
    }
}
