import Foundation
import INS
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Interop views: FHIR FR Core, CDA, HL7 v2")
struct InteropViewTests {
    static func snapshot(_ status: IdentityStatus, attributes: Set<IdentityAttribute> = []) throws -> IdentitySnapshot {
        IdentitySnapshot(
            localID: "5f0c6f4e-2b8e-4bb4-9b58-0d5b2d4ad001", localAssigningAuthority: "1.2.250.1.999.1.1",
            traits: try Traits(
                nomNaissance: "Adrtrois", prenoms: "Dominique", sexe: "F", naissance: "1997-02-26",
                lieuNaissance: "2A020"),
            nomUtilise: "MARTIN", state: RNIVState(status: status, attributes: attributes),
            ins: try INSIdentifier(matricule: "297022A02077878", oid: "1.2.250.1.213.1.4.8"), validationModeCode: "CN")
    }

    @Test("FHIR Patient of a qualified identity carries the INS, its status and the birthplace")
    func fhirQualified() throws {
        let json = FHIRPatient.json(try Self.snapshot(.qualifiee))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let identifiers = try #require(object["identifier"] as? [[String: Any]])
        #expect(
            identifiers.contains {
                $0["system"] as? String == "urn:oid:1.2.250.1.213.1.4.8" && $0["value"] as? String == "297022A02077878"
            })
        #expect(json.contains("fr-core-identity-reliability"))
        #expect(json.contains("\"code\" : \"QUAL\""))
        #expect(json.contains("2A020"))
        #expect(object["birthDate"] as? String == "1997-02-26")
        #expect(object["gender"] as? String == "female")
    }

    @Test(
        "no view shows the matricule unless the identity is qualified",
        arguments: [IdentityStatus.provisoire, .recuperee, .validee])
    func noINSUnlessQualified(status: IdentityStatus) throws {
        let snapshot = try Self.snapshot(status)
        #expect(!FHIRPatient.json(snapshot).contains("297022A02077878"))
        #expect(!CDARecordTarget.xml(snapshot).contains("297022A02077878"))
        #expect(!HL7v2PID.segment(snapshot).contains("297022A02077878"))
    }

    @Test("CDA recordTarget uses the OID as root, BR qualifiers and the COG as county")
    func cda() throws {
        let xml = CDARecordTarget.xml(try Self.snapshot(.qualifiee))
        #expect(xml.contains("<id root=\"1.2.250.1.213.1.4.8\" extension=\"297022A02077878\"/>"))
        #expect(xml.contains("<family qualifier=\"BR\">ADRTROIS</family>"))
        #expect(xml.contains("<given qualifier=\"BR\">DOMINIQUE</given>"))
        #expect(xml.contains("<county>2A020</county>"))
        #expect(xml.contains("<birthTime value=\"19970226\"/>"))
        // Well-formed XML.
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse())
    }

    @Test("HL7 v2 PID: INS in PID-3, legal name in PID-5, COG in PID-11, reliability in PID-32")
    func pid() throws {
        let segment = HL7v2PID.segment(try Self.snapshot(.qualifiee, attributes: [.homonyme]))
        let fields = segment.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[0] == "PID")
        #expect(fields[3].hasPrefix("297022A02077878^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS"))
        #expect(fields[5].hasPrefix("ADRTROIS^DOMINIQUE^^^^^L"))
        #expect(fields[7] == "19970226")
        #expect(fields[8] == "F")
        #expect(fields[11] == "^^^^^^BDL^^2A020")
        #expect(fields[32] == "QUAL~HOMA")
    }
}
