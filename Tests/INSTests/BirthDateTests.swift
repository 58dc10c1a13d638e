import INS
import Testing

@Suite("Date de naissance")
struct BirthDateTests {
    @Test("complete dates round-trip in every format")
    func complete() throws {
        let date = try BirthDate(iso: "1985-03-14")
        #expect(!date.isIncomplete)
        #expect(date.iso == "1985-03-14")
        #expect(date.dataMatrix == "14-03-1985")
        #expect(date.french == "14/03/1985")
        #expect(try BirthDate(dataMatrix: "14-03-1985") == date)
    }

    @Test(
        "RNIV completion: unknown day → 01, unknown month → 01, both unknown → 31/12; flagged incomplete",
        arguments: [
            ("1985-03-00", "1985-03-01"), ("1985-00-14", "1985-01-14"), ("1985-00-00", "1985-12-31"),
            ("1985", "1985-12-31"), ("1985-03", "1985-03-01"), ("1985-XX-XX", "1985-12-31"),
        ])
    func incomplete(typed: String, completed: String) throws {
        let date = try BirthDate(iso: typed)
        #expect(date.iso == completed)
        #expect(date.isIncomplete)
    }

    @Test(
        "impossible and unreadable dates are refused",
        arguments: ["2023-02-29", "1985-13-01", "1985-04-31", "85-03-14", "1985/03/14", "abcd-ef-gh"])
    func refused(text: String) {
        #expect(throws: TraitError.self) { try BirthDate(iso: text) }
    }

    @Test("29 February exists in leap years only")
    func leap() throws {
        #expect(try BirthDate(iso: "2000-02-29").day == 29)
        #expect(throws: TraitError.self) { try BirthDate(iso: "1900-02-29") }
    }

    @Test("COG codes: 5 digits, 2A/2B for Corsica, 99xxx abroad")
    func cog() throws {
        #expect(try BirthPlace(cog: "2a020").cog == "2A020")
        #expect(try BirthPlace(cog: "99134").isAbroad)
        #expect(throws: TraitError.invalidCOG("2C020")) { try BirthPlace(cog: "2C020") }
        #expect(throws: TraitError.invalidCOG("7505")) { try BirthPlace(cog: "7505") }
    }
}
