/// The text fields the INSi lexical rules apply to. The rules differ slightly per field (`--` is only allowed
/// in a family name; given names may not end with `-` or `'`).
public enum TraitField: String, CaseIterable, Hashable, Sendable, Codable {
    case nomNaissance
    case prenoms
    case premierPrenom
    case nomUtilise
    case prenomUtilise

    /// French name of the field, as shown to people.
    public var label: String {
        switch self {
        case .nomNaissance: "nom de naissance"
        case .prenoms: "liste des prénoms de naissance"
        case .premierPrenom: "premier prénom de naissance"
        case .nomUtilise: "nom utilisé"
        case .prenomUtilise: "prénom utilisé"
        }
    }

    var isFamilyName: Bool { self == .nomNaissance || self == .nomUtilise }
    var maximumLength: Int { 100 }
}
