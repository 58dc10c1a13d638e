import Foundation
import INS
import IdentityStore

/// The five traits as an app sends them (French member names, as in the INS referential).
struct TraitsBody: Decodable, Sendable {
    let nomNaissance: String
    let prenoms: String
    let sexe: String
    let naissance: String
    let lieuNaissance: String?

    func traits() throws(TraitError) -> Traits {
        try Traits(
            nomNaissance: nomNaissance, prenoms: prenoms, sexe: sexe, naissance: naissance,
            lieuNaissance: lieuNaissance)
    }
}

struct CreateIdentityBody: Decodable, Sendable {
    let traits: TraitsBody
    let nomUtilise: String?
    let prenomUtilise: String?
}

struct UpdateTraitsBody: Decodable, Sendable {
    let traits: TraitsBody
    let nomUtilise: String?
    let prenomUtilise: String?
    /// True when the change was checked against an identity document (keeps VALI/QUAL where the rules allow).
    let againstDocument: Bool?
    let reason: String
}

struct EvidenceBody: Decodable, Sendable {
    let kind: String
    let documentReference: String?
    let note: String?
}

struct AttachINSiBody: Decodable, Sendable {
    let searchId: String
    /// The operator checked the returned traits with the person (required for RECUP).
    let confirmTraits: Bool
}

/// JSON objects the API answers with (documented in `OpenAPI/openapi.json`).
enum APIJSON {
    static func identity(_ record: IdentityRecord) -> [String: Any] {
        var object = IdentityExporter.jsonObject(record)
        object["statusLabel"] = record.state.status.label
        return object
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
    }

    static func optional(_ value: String?) -> Any { value ?? NSNull() }
}
