import INS
import Testing

@Suite("Matricule INS: syntax and key")
struct MatriculeTests {
    @Test("persona matricules of the INSi test environment have the expected key")
    func personaKeys() throws {
        let rows = try Fixture.rows("persona-matricules.tsv")
        #expect(rows.count >= 10)
        for row in rows {
            let inspection = try MatriculeInspection(row[1])
            #expect(inspection.expectedKey == Int(row[2]), "\(row[0])")
        }
    }

    @Test("HERMANN's answer has key 60 where 76 is computed: a distinct, reportable condition")
    func hermannWrongKey() throws {
        let inspection = try MatriculeInspection("181036322045660")
        #expect(!inspection.isKeyValid)
        #expect(inspection.givenKey == 60)
        #expect(inspection.expectedKey == 76)
        #expect(throws: MatriculeError.keyMismatch(given: 60, expected: 76)) { try Matricule("181036322045660") }
        #expect(throws: MatriculeError.keyMismatch(given: 60, expected: 76)) { try inspection.verified() }
    }

    @Test("Corsican departments 2A and 2B are substituted (19, 18) before the modulo")
    func corsica() throws {
        let dominique = try Matricule("297022A02077878")
        #expect(dominique.body == "297022A020778")
        #expect(try Matricule("160012B02077713").key == 13)
        #expect(try Matricule("297022a02077878").body == "297022A020778")
        #expect(MatriculeKey.compute(body: "297022A020778") == 97 - (2_970_219_020_778 % 97))
        #expect(MatriculeKey.compute(body: "160012B020777") == 97 - (1_600_118_020_777 % 97))
    }

    @Test("a letter is refused outside the Corsican department position")
    func letters() {
        #expect(throws: MatriculeError.invalidCharacter("A", position: 2)) { try Matricule("2A7022A02077878") }
        #expect(throws: MatriculeError.invalidCorsicanDepartment(position: 7)) { try Matricule("297023A02077878") }
        #expect(throws: MatriculeError.invalidCharacter("X", position: 15)) { try Matricule("29702250207787X") }
    }

    @Test("wrong lengths are refused with the length seen", arguments: ["", "2970", "29702250207787899"])
    func lengths(text: String) {
        #expect(throws: MatriculeError.wrongLength(text.count)) { try Matricule(text) }
    }

    @Test("printed forms with spaces are accepted; description never shows the full matricule")
    func groupedAndRedacted() throws {
        let matricule = try Matricule("2 85 03 75 056 123 06")
        #expect(matricule.value == "285037505612306")
        #expect(matricule.grouped == "2 85 03 75 056 123 06")
        #expect(!"\(matricule)".contains("2850375056123"))
        #expect("\(matricule)".hasSuffix("06"))
    }

    @Test("every error has a French message and an English detail")
    func messages() {
        let error = MatriculeError.keyMismatch(given: 60, expected: 76)
        #expect(error.userMessage.contains("clé"))
        #expect(error.userMessage.contains("76"))
        #expect(error.technicalDetail.contains("does not match"))
    }
}
