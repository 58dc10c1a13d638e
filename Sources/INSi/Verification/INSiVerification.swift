import INS

/// Verification of a stored INS: a traits search and a field-by-field comparison (the "vérification" operation
/// is not in WSDL 1.5.0). KO lists every differing field; a KO goes to the referent's work list.
public struct INSiVerification: Sendable, Hashable {
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        case identity
        case key
        case matricule
        case oid
        case nomNaissance
        case prenoms
        case sexe
        case naissance
        case lieuNaissance
    }

    public struct Difference: Sendable, Hashable {
        public let field: Field
        /// What Passerelle holds (matricules redacted).
        public let expected: String
        /// What INSi returned (matricules redacted).
        public let returned: String
    }

    public let differences: [Difference]
    public let search: INSiSearchOutcome

    public var isOK: Bool { differences.isEmpty }
}

extension INSiClient {
    public func verify(_ identifier: INSIdentifier, traits: Traits, operatorID: String? = nil) async throws(INSiError)
        -> INSiVerification
    {
        let normalized: NormalizedTraits
        do { normalized = try traits.normalized() } catch { throw .invalidTraits(.lexical(error)) }
        let outcome = try await search(normalized, operatorID: operatorID)
        return INSiVerification(
            differences: Self.compare(identifier, normalized, outcome), search: outcome)
    }

    static func compare(_ identifier: INSIdentifier, _ traits: NormalizedTraits, _ outcome: INSiSearchOutcome)
        -> [INSiVerification.Difference]
    {
        guard let individu = outcome.individu else {
            let returned = outcome.result == .multiple ? "CR 02" : "CR 01"
            return [.init(field: .identity, expected: "CR 00", returned: returned)]
        }
        var differences: [INSiVerification.Difference] = []
        let active = individu.active
        if !active.isKeyValid {
            differences.append(
                .init(
                    field: .key, expected: "\(active.inspection.expectedKey)", returned: "\(active.inspection.givenKey)"
                ))
        }
        if active.inspection.body != identifier.matricule.body || active.inspection.givenKey != identifier.matricule.key
        {
            differences.append(
                .init(field: .matricule, expected: identifier.matricule.redacted, returned: active.redacted))
        }
        if active.oid != identifier.oid {
            differences.append(.init(field: .oid, expected: identifier.oid.rawValue, returned: active.oid.rawValue))
        }
        let returned = individu.traits
        func check(_ field: INSiVerification.Field, _ expected: String, _ got: String) {
            if expected != got { differences.append(.init(field: field, expected: expected, returned: got)) }
        }
        check(.nomNaissance, traits.nomNaissance, returned.nomNaissance)
        check(.prenoms, traits.prenoms, returned.prenoms)
        check(.sexe, traits.sexe.rawValue, returned.sexe.rawValue)
        check(.naissance, traits.naissance.iso, returned.naissance.iso)
        if let lieu = traits.lieuNaissance {
            check(.lieuNaissance, lieu.cog, returned.lieuNaissance?.cog ?? "")
        }
        return differences
    }
}
