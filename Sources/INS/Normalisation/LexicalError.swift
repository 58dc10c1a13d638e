/// A trait refused by the INSi lexical rules: which field, which character, where (1-based position in what
/// the person typed) and why. Never silently "fixed" by dropping characters.
public struct LexicalError: PasserelleError, Equatable {
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        case empty
        case tooLong
        case digit
        case characterNotAllowed
        case controlCharacter
        case leadingHyphen
        case trailingHyphen
        case trailingApostrophe
        case doubledApostrophe
        case spaceAroundApostrophe
        case spaceAroundHyphen
        case doubleHyphenOutsideFamilyName
        case tripleHyphen
    }

    public let field: TraitField
    public let reason: Reason
    /// The offending character as typed, when one can be named.
    public let character: Character?
    /// 1-based position of that character in the typed value.
    public let position: Int?

    public init(field: TraitField, reason: Reason, character: Character? = nil, position: Int? = nil) {
        self.field = field
        self.reason = reason
        self.character = character
        self.position = position
    }

    public var code: String { "traits.lexical.\(reason.rawValue)" }

    public var userMessage: String {
        let at = position.map { " (position \($0))" } ?? ""
        let shown = character.map { "« \($0) »" } ?? "ce caractère"
        let field = field.label
        return switch reason {
        case .empty: "Le champ \(field) est vide."
        case .tooLong: "Le champ \(field) dépasse 100 caractères."
        case .digit: "Le chiffre \(shown)\(at) n'est pas autorisé dans le champ \(field)."
        case .characterNotAllowed:
            "Le caractère \(shown)\(at) n'est pas autorisé dans le champ \(field) : seuls les lettres, l'espace, l'apostrophe et le trait d'union le sont."
        case .controlCharacter: "Un caractère invisible ou de contrôle\(at) a été trouvé dans le champ \(field)."
        case .leadingHyphen: "Le champ \(field) ne peut pas commencer par un trait d'union."
        case .trailingHyphen: "Le champ \(field) ne peut pas se terminer par un trait d'union\(at)."
        case .trailingApostrophe: "Un prénom ne peut pas se terminer par une apostrophe\(at)."
        case .doubledApostrophe: "Deux apostrophes se suivent\(at) dans le champ \(field)."
        case .spaceAroundApostrophe:
            "Une apostrophe ne peut pas être précédée ou suivie d'un espace\(at) (champ \(field))."
        case .spaceAroundHyphen: "Un trait d'union ne peut pas être précédé ou suivi d'un espace\(at) (champ \(field))."
        case .doubleHyphenOutsideFamilyName:
            "Le double trait d'union\(at) n'est autorisé que dans le nom de naissance, pas dans le champ \(field)."
        case .tripleHyphen: "Plus de deux traits d'union se suivent\(at) dans le champ \(field)."
        }
    }

    public var technicalDetail: String {
        var text = "field \(field.rawValue): \(reason.rawValue)"
        if let character {
            text += " character U+\(character.unicodeScalarsHex)"
        }
        if let position { text += " at position \(position)" }
        return text
    }
}
