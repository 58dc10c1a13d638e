import Foundation
import INS

extension IdentityDatabase {
    public func search(_ query: IdentitySearch, limit: Int) async throws(StoreError) -> [IdentityRecord] {
        switch query {
        case .traits(let traits):
            let normalized = try Self.normalize(traits)
            let nom = NameKey.make(normalized.nomNaissance)
            let prenom = NameKey.make(normalized.premierPrenom)
            let candidates = try await backend.identities(.nameKeys(nom: nom, prenom: prenom), limit: 10_000)
            return Array(
                candidates.filter { record in
                    record.traits.sexe == traits.sexe && record.traits.naissance.iso == traits.naissance.iso
                        && (traits.lieuNaissance == nil || record.traits.lieuNaissance == traits.lieuNaissance)
                }
                .prefix(limit))
        case .matricule(let text):
            let compact = text.filter { $0 != " " }.uppercased()
            return try await backend.identities(.matricule(compact), limit: limit)
        case .name(let text):
            let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
            guard let first = parts.first else { return [] }
            let nomPrefix = NameKey.fromTyped(first)
            guard !nomPrefix.isEmpty else { throw .invalidInput(field: "nom", reason: "aucune lettre à rechercher") }
            let prenomPrefix = parts.count > 1 ? NameKey.fromTyped(parts[1], field: .prenoms) : ""
            // Both prefixes are ranges on the name index; results come in name order.
            return try await backend.identities(.namePrefix(nom: nomPrefix, prenom: prenomPrefix), limit: limit)
        }
    }
}
