import Foundation
import INS
import PropertyBased
import Testing

@Suite("INS DataMatrix payload")
struct PayloadTests {
    static func example(oid: INSOID = .nir, cog: String? = "75056") throws -> INSDataMatrixPayload {
        let traits = try Traits(
            nomNaissance: "Dupont-Testeur", prenoms: "Marie-Claire Anne", sexe: "F", naissance: "1985-03-14",
            lieuNaissance: cog
        ).normalized()
        let ins = INSIdentifier(matricule: try Matricule("285037505612306"), oid: oid)
        return try INSDataMatrixPayload(identifier: ins, traits: traits, status: .qualifiee)
    }

    @Test("the spec example is reproduced byte for byte (124 bytes)")
    func specExample() throws {
        let url = try #require(
            Bundle.module.url(forResource: "spec-example-payload.bin", withExtension: nil, subdirectory: "Fixtures"))
        let expected = [UInt8](try Data(contentsOf: url))
        let payload = try Self.example()
        #expect(payload.bytes == expected)
        #expect(payload.bytes.count == 124)
    }

    @Test("the 20-character test OID is not followed by GS; the 19-character NIR OID is")
    func gsAfterOID() throws {
        let test = String(decoding: try Self.example(oid: .nirTest).bytes, as: UTF8.self)
        #expect(test.contains("S21.2.250.1.213.1.4.10S3"))
        let nir = String(decoding: try Self.example().bytes, as: UTF8.self)
        #expect(nir.contains("S21.2.250.1.213.1.4.8\u{1D}S3"))
    }

    @Test("without a COG the date is the last block and there is no trailing GS")
    func withoutCOG() throws {
        let bytes = try Self.example(cog: nil).bytes
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("S5FS614-03-1985"))
        #expect(bytes.last != 0x1D)
    }

    @Test("only a qualified identity may be encoded", arguments: [IdentityStatus.provisoire, .recuperee, .validee])
    func onlyQualified(status: IdentityStatus) throws {
        let payload = try Self.example()
        #expect(throws: PayloadError.notQualified(status)) {
            try INSDataMatrixPayload(identifier: payload.identifier, traits: payload.traits, status: status)
        }
    }

    @Test("parse accepts blocks in any order and a literal <GS>")
    func parseAnyOrder() throws {
        let reordered =
            "IS010000000000000000000000S4DUPONT-TESTEUR<GS>S5FS614-03-1985S3MARIE-CLAIRE ANNE<gs>S775056S1285037505612306S21.2.250.1.213.1.4.8"
        #expect(try INSDataMatrixPayload.parse(reordered) == Self.example())
        #expect(try INSDataMatrixPayload.parse(try Self.example().visibleText) == Self.example())
    }

    @Test("a wrong key, a missing block, a duplicate block and a foreign header are refused")
    func parseRefusals() throws {
        let good = try Self.example().visibleText
        #expect(throws: PayloadError.invalidIdentifier(.matricule(.keyMismatch(given: 7, expected: 6)))) {
            try INSDataMatrixPayload.parse(good.replacingOccurrences(of: "285037505612306", with: "285037505612307"))
        }
        #expect(throws: PayloadError.missingBlock(5)) {
            try INSDataMatrixPayload.parse(good.replacingOccurrences(of: "S5F", with: ""))
        }
        #expect(throws: PayloadError.duplicateBlock(7)) { try INSDataMatrixPayload.parse(good + "S775056") }
        #expect(throws: PayloadError.missingHeader) { try INSDataMatrixPayload.parse("HELLO") }
        #expect(throws: PayloadError.unsupportedVersion("02")) {
            try INSDataMatrixPayload.parse("IS02" + good.dropFirst(4))
        }
    }

    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    @Test("property: parse(build(x)) == x over names up to 100 characters and every OID")
    func roundTrip() async throws {
        let name = Gen<Character?>.element(of: Self.letters).compactMap { $0 }.string(of: 1...100)
        let oid = Gen<INSOID?>.element(of: INSOID.allCases).compactMap { $0 }
        let matricule = try Matricule("285037505612306")
        await propertyCheck(count: 300, input: name, name, oid) { nom, prenoms, oid in
            let traits = try Traits(
                nomNaissance: nom, prenoms: prenoms, sexe: "M", naissance: "2001-06-17", lieuNaissance: "2A004"
            ).normalized()
            let payload = try INSDataMatrixPayload(
                identifier: INSIdentifier(matricule: matricule, oid: oid), traits: traits, status: .qualifiee)
            #expect(try INSDataMatrixPayload.parse(payload.bytes) == payload)
        }
    }

    @Test("the worst case (test OID, 100-character prénoms and nom, COG) is 291 bytes")
    func worstCase() throws {
        let traits = try Traits(
            nomNaissance: String(repeating: "N", count: 100), prenoms: String(repeating: "P", count: 100),
            sexe: "F", naissance: "1985-03-14", lieuNaissance: "99134"
        ).normalized()
        let payload = try INSDataMatrixPayload(
            identifier: INSIdentifier(matricule: try Matricule("285037505612306"), oid: .nirTest), traits: traits,
            status: .qualifiee)
        #expect(payload.bytes.count == 291)
        #expect(!payload.bytes.contains(0x1D))
        #expect(try INSDataMatrixPayload.parse(payload.bytes) == payload)
    }
}
