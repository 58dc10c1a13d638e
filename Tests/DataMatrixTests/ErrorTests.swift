import DataMatrix
import Testing

@Suite("Errors")
struct ErrorTests {
    @Test func tooLongForTheLargestSymbolSaysSoInFrenchAndEnglish() throws {
        let digits = [UInt8](repeating: UInt8(ascii: "1"), count: 3117)
        do {
            _ = try DataMatrixEncoder.encode(digits)
            Issue.record("3117 digits cannot fit")
        } catch {
            guard case .messageTooLong(let count, let required, let capacity, let size) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(count == 3117 && required == 1559 && capacity == 1558 && size == "144x144")
            #expect(error.userMessage.contains("trop long"))
            #expect(error.technicalDetail.contains("1559 data codewords"))
        }
    }

    @Test func quietZoneDefaultsToTwoAndZeroOnlyWhenAsked() throws {
        #expect(DataMatrixOptions().quietZone == 2)
        #expect(try DataMatrixEncoder.encode("A").quietZone == 2)
        #expect(try DataMatrixEncoder.encode("A", options: .init(quietZone: 0)).totalRows == 10)
        #expect(throws: DataMatrixError.invalidQuietZone(-1)) {
            try DataMatrixEncoder.encode("A", options: .init(quietZone: -1))
        }
    }

    @Test func invalidOptionsAndCharactersAreRefused() throws {
        #expect(throws: DataMatrixError.invalidC40PrefixLength(-3)) {
            try DataMatrixEncoder.encode("A", options: .init(encodation: .forcedC40Prefix(-3)))
        }
        let rectangle = try #require(DataMatrixSize(rows: 8, columns: 18))
        #expect(throws: DataMatrixError.minimumSizeNotAllowed("8x18")) {
            try DataMatrixEncoder.encode("A", options: .init(minimumSize: rectangle))
        }
        #expect(throws: DataMatrixError.characterNotEncodable(character: "€", offset: 4)) {
            try DataMatrixEncoder.encode("PRIX€")
        }
        let latin1 = try DataMatrixEncoder.encode("Zoé")
        #expect(latin1.sizeName == "12x12")
        let error = DataMatrixError.characterNotEncodable(character: "€", offset: 4)
        #expect(error.userMessage.contains("position 5"))
        #expect(error.technicalDetail.contains("U+20AC"))
    }
}
