/// Why a matricule INS was refused. A key mismatch is its own case because INSi itself can answer with a
/// matricule whose key is wrong (a CNDA test case does): it must be reported, never stored as valid.
public enum MatriculeError: PasserelleError, Equatable {
    case wrongLength(Int)
    case invalidCharacter(Character, position: Int)
    case invalidCorsicanDepartment(position: Int)
    case keyMismatch(given: Int, expected: Int)

    public var code: String {
        switch self {
        case .wrongLength: "matricule.length"
        case .invalidCharacter: "matricule.character"
        case .invalidCorsicanDepartment: "matricule.department"
        case .keyMismatch: "matricule.key-mismatch"
        }
    }

    public var userMessage: String {
        switch self {
        case .wrongLength(let length):
            "Le matricule INS doit comporter 15 caractères (13 pour le numéro, 2 pour la clé) ; \(length) reçu(s)."
        case .invalidCharacter(let character, let position):
            "Le caractère « \(character) » en position \(position) n'est pas autorisé dans un matricule INS."
        case .invalidCorsicanDepartment(let position):
            "Seuls les départements 2A et 2B peuvent contenir une lettre (position \(position))."
        case .keyMismatch(let given, let expected):
            "La clé du matricule INS est incorrecte : \(String(format2: given)) au lieu de \(String(format2: expected))."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .wrongLength(let length): "expected 15 characters (13-character body + 2-digit key), got \(length)"
        case .invalidCharacter(let character, let position):
            "character U+\(character.unicodeScalarsHex) at position \(position) is not allowed"
        case .invalidCorsicanDepartment(let position):
            "a letter is only allowed as the second character of department 2A or 2B (position \(position))"
        case .keyMismatch(let given, let expected):
            "key \(String(format2: given)) does not match 97 - (body mod 97) = \(String(format2: expected))"
        }
    }
}

extension String {
    /// Two-digit rendering of a matricule key (keys run from 01 to 97).
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}

extension Character {
    var unicodeScalarsHex: String {
        unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: "+U+")
    }
}
