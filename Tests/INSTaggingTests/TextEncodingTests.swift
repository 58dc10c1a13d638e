import Foundation
import Testing

@testable import INSTagging

@Suite("WinAnsi text for standard fonts")
struct TextEncodingTests {
    @Test func frenchLettersMapToTheirWinAnsiCodes() throws {
        #expect(
            try WinAnsi.encode("àéèçôîÉœ’«»€", field: "test") == [
                0xE0, 0xE9, 0xE8, 0xE7, 0xF4, 0xEE, 0xC9, 0x9C, 0x92, 0xAB, 0xBB, 0x80,
            ])
    }

    @Test func decomposedAccentsAreTheSameCharacters() throws {
        #expect(try WinAnsi.encode("e\u{301}", field: "test") == [0xE9])
    }

    @Test func charactersOutsideWinAnsiAreRefusedNotReplaced() {
        #expect(throws: INSTaggingError.unencodableCharacter("ł", field: "Prénom(s)")) {
            try WinAnsi.encode("Małgorzata", field: "Prénom(s)")
        }
        #expect(throws: (any Error).self) { try WinAnsi.encode("tab\there", field: "test") }
    }

    @Test func literalStringsEscapeDelimitersAndHighBytes() throws {
        #expect(PDFTextString.literal(try WinAnsi.encode("(COG) \\ é", field: "test")) == "(\\(COG\\) \\\\ \\351)")
    }

    @Test func numbersNeverUseExponents() {
        #expect(PDFNumber.format(0.00001) == "0")
        #expect(PDFNumber.format(-0.5) == "-0.5")
        #expect(PDFNumber.format(1e12) == "1000000000000")
        #expect(PDFNumber.format(198.425196) == "198.4252")
    }
}
