/// Sex as recorded in the RNIPP and returned by INSi: only M and F exist there.
public enum Sexe: String, CaseIterable, Hashable, Sendable, Codable {
    case masculin = "M"
    case feminin = "F"

    public init(validating text: String) throws(TraitError) {
        switch text.trimmingSpaces.uppercased() {
        case "M", "H": self = .masculin
        case "F": self = .feminin
        default: throw .invalidSexe(text)
        }
    }

    public var fhirGender: String { self == .masculin ? "male" : "female" }
}
