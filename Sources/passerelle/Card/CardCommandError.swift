import INS

/// Refusals of the `card` commands that are not the card's own (`CPSError` covers those).
enum CardCommandError: PasserelleError, Equatable {
    case virtualCardsUnreadable(path: String, detail: String)
    case unknownVirtualCard(String)
    case pinNotEntered
    case badDigest(String)
    case unreadableInput(path: String)
    case signatureMismatch

    var code: String {
        switch self {
        case .virtualCardsUnreadable: return "card.virtual-cards-unreadable"
        case .unknownVirtualCard: return "card.unknown-virtual-card"
        case .pinNotEntered: return "pin.not-entered"
        case .badDigest: return "card.bad-digest"
        case .unreadableInput: return "card.unreadable-input"
        case .signatureMismatch: return "card.signature-mismatch"
        }
    }

    var userMessage: String {
        switch self {
        case .virtualCardsUnreadable: return "Les cartes virtuelles de test sont illisibles."
        case .unknownVirtualCard(let id): return "La carte virtuelle « \(id) » n'existe pas."
        case .pinNotEntered: return "Aucun code porteur n'a été saisi : rien n'a été envoyé à la carte."
        case .badDigest: return "L'empreinte SHA-256 doit comporter 64 chiffres hexadécimaux."
        case .unreadableInput(let path): return "Le fichier « \(path) » est illisible."
        case .signatureMismatch:
            return "La signature produite par la carte ne correspond pas à son certificat."
        }
    }

    var technicalDetail: String {
        switch self {
        case .virtualCardsUnreadable(let path, let detail): return "Cannot load virtual cards from \(path): \(detail)"
        case .unknownVirtualCard(let id): return "No virtual card with id \(id)"
        case .pinNotEntered: return "Empty PIN input (end of file or empty line); nothing sent to the card"
        case .badDigest(let detail): return "--digest-sha256 must be 32 bytes in hexadecimal: \(detail)"
        case .unreadableInput(let path): return "Cannot read \(path)"
        case .signatureMismatch: return "Card signature does not verify with the card certificate's public key"
        }
    }
}
