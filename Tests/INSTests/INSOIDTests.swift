import INS
import Testing

@Suite("INS OIDs")
struct INSOIDTests {
    @Test("the four INS OIDs are recognised; NIR vs NIA only from the OID")
    func known() throws {
        #expect(try INSOID(validating: "1.2.250.1.213.1.4.8") == .nir)
        #expect(try INSOID(validating: "1.2.250.1.213.1.4.9").isNIA)
        #expect(try INSOID(validating: "urn:oid:1.2.250.1.213.1.4.10") == .nirTest)
        #expect(try INSOID(validating: "1.2.250.1.213.1.4.11") == .nirDemonstration)
    }

    @Test("NSS OIDs are recognised as social-security numbers and refused as INS", arguments: ["13", "14"])
    func nss(suffix: String) {
        let oid = "1.2.250.1.213.1.4.\(suffix)"
        #expect(throws: INSOIDError.socialSecurityNumber(oid: oid, name: suffix == "13" ? "NSS NIR" : "NSS NIA")) {
            try INSOID(validating: oid)
        }
    }

    @Test("an unknown OID is refused")
    func unknown() {
        #expect(throws: INSOIDError.unknown("1.2.3")) { try INSOID(validating: "1.2.3") }
    }

    @Test("an INS identifier needs both a valid OID and a valid matricule")
    func identifier() throws {
        let ins = try INSIdentifier(matricule: "109076322088835", oid: "1.2.250.1.213.1.4.9")
        #expect(ins.oid.isNIA)
        #expect(throws: INSIdentifierError.oid(.socialSecurityNumber(oid: "1.2.250.1.213.1.4.13", name: "NSS NIR"))) {
            try INSIdentifier(matricule: "109076322088835", oid: "1.2.250.1.213.1.4.13")
        }
    }
}
