import Foundation

/// The identity as a FHIR R4 `Patient` following FR Core (`fr-core-patient`, INS slices of `fr-core-patient-ins`
/// only when the identity is qualified).
public enum FHIRPatient {
    public static let identityReliabilityURL =
        "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability"
    public static let identityStatusSystem = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status"
    public static let validationModeSystem =
        "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-validation-mode"
    public static let identifierTypeSystem = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203"
    public static let birthPlaceURL = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"
    public static let inseeCodeURL = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code"

    /// JSON object (as Foundation values, ready for `JSONSerialization`).
    public static func resource(_ identity: IdentitySnapshot) -> [String: Any] {
        var patient: [String: Any] = ["resourceType": "Patient", "id": identity.localID]
        var identifiers: [[String: Any]] = []
        if let ins = identity.shareableINS {
            identifiers.append([
                "use": ins.oid.isNIA ? "temp" : "official",
                "type": ["coding": [["system": identifierTypeSystem, "code": ins.oid.isNIA ? "INS-NIA" : "INS-NIR"]]],
                "system": "urn:oid:\(ins.oid.rawValue)",
                "value": ins.matricule.value,
            ])
        }
        if let authority = identity.localAssigningAuthority {
            identifiers.append(["use": "usual", "system": "urn:oid:\(authority)", "value": identity.localID])
        }
        if !identifiers.isEmpty { patient["identifier"] = identifiers }

        var reliability: [[String: Any]] = [
            [
                "url": "identityStatus",
                "valueCoding": [
                    "system": identityStatusSystem, "code": identity.state.status.rawValue,
                    "display": identity.state.status.label,
                ],
            ]
        ]
        if let mode = identity.validationModeCode, identity.state.status.checkedOnDocument {
            reliability.append([
                "url": "validationMode", "valueCoding": ["system": validationModeSystem, "code": mode],
            ])
        }
        var extensions: [[String: Any]] = [["url": identityReliabilityURL, "extension": reliability]]
        if let place = identity.traits.lieuNaissance {
            extensions.append([
                "url": birthPlaceURL,
                "valueAddress": [
                    "extension": [
                        [
                            "url": inseeCodeURL,
                            "valueCoding": ["system": "urn:oid:1.2.250.1.213.2.12", "code": place.cog],
                        ]
                    ]
                ],
            ])
        }
        patient["extension"] = extensions

        var names: [[String: Any]] = [
            ["use": "official", "family": identity.exchangeNom, "given": identity.exchangePrenoms]
        ]
        if identity.nomUtilise != nil || identity.prenomUtilise != nil {
            var usual: [String: Any] = ["use": "usual"]
            if let nom = identity.nomUtilise { usual["family"] = nom }
            if let prenom = identity.prenomUtilise { usual["given"] = [prenom] }
            names.append(usual)
        }
        patient["name"] = names
        patient["gender"] = identity.traits.sexe.fhirGender
        patient["birthDate"] = identity.traits.naissance.iso
        return patient
    }

    /// Pretty, key-sorted JSON text.
    public static func json(_ identity: IdentitySnapshot) -> String {
        let data =
            (try? JSONSerialization.data(
                withJSONObject: resource(identity), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
