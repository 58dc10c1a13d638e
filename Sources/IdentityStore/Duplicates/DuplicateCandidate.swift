/// Another identity that may be the same person, and why it is suspected.
public struct DuplicateCandidate: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// Both records carry the same matricule INS.
        case sameMatricule = "same-matricule"
        /// Same sex and birth date, same normalised names.
        case sameTraits = "same-traits"
        /// Same sex and birth date, names a typo apart.
        case similarNames = "similar-names"
        /// Same sex and birth date, nom and premier prénom swapped.
        case swappedNames = "swapped-names"
        /// Same names and sex, birth dates one typo apart (one component, or day and month swapped).
        case nearBirthDate = "near-birth-date"

        public var label: String {
            switch self {
            case .sameMatricule: "même matricule INS"
            case .sameTraits: "mêmes traits"
            case .similarNames: "noms proches, même sexe et même date de naissance"
            case .swappedNames: "nom et prénom inversés"
            case .nearBirthDate: "mêmes noms, dates de naissance proches"
            }
        }
    }

    public let identity: IdentityRecord
    public let reasons: [Reason]
}
