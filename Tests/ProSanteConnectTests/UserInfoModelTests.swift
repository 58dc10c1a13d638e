import Foundation
import Testing

@testable import ProSanteConnect

@Suite("SubjectRefPro and userinfo decoding")
struct UserInfoModelTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    @Test("empty strings, nulls, numbers and unknown fields are tolerated")
    func messy() throws {
        let info = try JSONDecoder().decode(PSCUserInfo.self, from: Self.fixture("userinfo-messy"))
        #expect(info.subjectNameID == "899700000021")
        #expect(info.familyName == nil)
        #expect(info.subjectRoles == ["10^1.2.250.1.213.1.1.5.5"])
        #expect(info.palierAuthentification == "3")
        #expect(info.otherIDs == ["99700000021"])
        let refPro = try #require(info.subjectRefPro)
        #expect(refPro.codeCivilite == nil)
        #expect(refPro.exercices.count == 2)
        #expect(refPro.exercices[0].codeProfession == "10")
        #expect(refPro.exercices[0].prenomDexercice == nil)
        #expect(refPro.exercices[0].activities.count == 1)
        let activity = refPro.exercices[0].activities[0]
        #expect(activity.telephone == nil)
        #expect(activity.codeSecteurDactivite == nil)
        #expect(activity.otherFields == ["codePostal": "69003"])
        #expect(refPro.exercices[1].activities.isEmpty)
    }

    @Test(
        "SubjectRefPro as empty string, empty object, JSON string or missing",
        arguments: [
            (#"{"SubjectRefPro": ""}"#, false), (#"{"SubjectRefPro": {}}"#, false), (#"{}"#, false),
            (#"{"SubjectRefPro": {"codeCivilite": "", "exercices": []}}"#, false),
            (#"{"SubjectRefPro": "{\"codeCivilite\":\"M\",\"exercices\":[]}"}"#, true),
        ])
    func refProShapes(_ json: String, _ present: Bool) throws {
        let info = try JSONDecoder().decode(PSCUserInfo.self, from: Data(json.utf8))
        #expect((info.subjectRefPro != nil) == present)
    }

    @Test("the simulator fixture decodes for every professional")
    func simulatorFixture() throws {
        let url = SimulatorProcess.repositoryRoot.appendingPathComponent(
            "Tools/PSCSimulator/Fixtures/professionals.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let people = try #require(object["professionals"] as? [[String: Any]])
        #expect(people.count >= 5)
        for person in people {
            let data = try JSONSerialization.data(withJSONObject: try #require(person["userinfo"]))
            let info = try JSONDecoder().decode(PSCUserInfo.self, from: data)
            #expect(info.subjectNameID == person["nationalId"] as? String)
        }
    }
}
