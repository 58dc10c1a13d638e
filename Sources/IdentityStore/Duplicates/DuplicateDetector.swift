import Foundation
import INS

/// The probable-duplicate rules. Candidates come from three indexed lookups (same birth date and sex, same
/// name keys, same matricule); the rules below decide which of them are suspects.
enum DuplicateDetector {
    static func reasons(_ record: IdentityRecord, _ other: IdentityRecord) -> [DuplicateCandidate.Reason] {
        var reasons: [DuplicateCandidate.Reason] = []
        if let mine = record.ins?.matricule.value, mine == other.ins?.matricule.value { reasons.append(.sameMatricule) }
        let sameSex = record.traits.sexe == other.traits.sexe
        let sameDate = record.traits.naissance.iso == other.traits.naissance.iso
        let nom = record.nomKey
        let prenom = record.prenomKey
        if sameSex, sameDate {
            if nom == other.nomKey, prenom == other.prenomKey {
                reasons.append(.sameTraits)
            } else if EditDistance.within(nom, other.nomKey, limit: EditDistance.tolerance(nom)),
                EditDistance.within(prenom, other.prenomKey, limit: EditDistance.tolerance(prenom))
            {
                reasons.append(.similarNames)
            }
            if nom == other.prenomKey, prenom == other.nomKey, nom != prenom { reasons.append(.swappedNames) }
        }
        if sameSex, !sameDate, nom == other.nomKey, prenom == other.prenomKey,
            nearDates(record.traits.naissance, other.traits.naissance)
        {
            reasons.append(.nearBirthDate)
        }
        return reasons
    }

    /// One component differs, or day and month are swapped.
    static func nearDates(_ a: BirthDate, _ b: BirthDate) -> Bool {
        let differing = [a.year != b.year, a.month != b.month, a.day != b.day].filter { $0 }.count
        if differing == 1 { return true }
        return a.year == b.year && a.month == b.day && a.day == b.month
    }
}

extension IdentityDatabase {
    public func probableDuplicates(of id: UUID) async throws(StoreError) -> [DuplicateCandidate] {
        try await probableDuplicates(of: identity(id))
    }

    public func probableDuplicates(of record: IdentityRecord) async throws(StoreError) -> [DuplicateCandidate] {
        var pool: [UUID: IdentityRecord] = [:]
        let lookups: [IdentityFilter] =
            [
                .birthAndSex(naissance: record.traits.naissance.iso, sexe: record.traits.sexe.rawValue),
                .nameKeys(nom: record.nomKey, prenom: record.prenomKey),
            ] + (record.ins.map { [.matricule($0.matricule.value)] } ?? [])
        for lookup in lookups {
            for other in try await backend.identities(lookup, limit: 2_000) where other.id != record.id {
                pool[other.id] = other
            }
        }
        return pool.values.compactMap { other in
            let reasons = DuplicateDetector.reasons(record, other)
            return reasons.isEmpty ? nil : DuplicateCandidate(identity: other, reasons: reasons)
        }
        .sorted { ($0.reasons.count, $1.identity.id.uuidString) > ($1.reasons.count, $0.identity.id.uuidString) }
    }
}
