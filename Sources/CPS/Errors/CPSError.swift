import INS
import SmartCard

/// What can go wrong with a CPS, with a French message for the professional and an English detail for logs.
/// Never carries a PIN or any APDU data. PC/SC failures keep their own type inside `card(_:)`, so `SmartCard` stays
/// independent of `INS`.
public enum CPSError: PasserelleError, Hashable {
    /// The card is not a CPS at all.
    case unsupportedCard(atr: [UInt8])
    /// A CPS this version cannot use yet (CPS4, CPS2ter) or cannot use for login (contactless).
    case profileNotSupported(CardProfile)
    /// PC/SC or transport failure (removed, reset, pcscd gone, garbled reply…).
    case card(SmartCardError)
    /// The card refused a command with an unexpected status word.
    case unexpectedStatus(command: String, status: StatusWord)
    /// A file or answer of the card could not be parsed.
    case malformedCardData(String)
    /// The PIN typed is not exactly 4 digits; nothing was sent to the card.
    case invalidPINFormat
    /// The card answered "wrong PIN"; `triesLeft` tries remain.
    case wrongPIN(triesLeft: Int)
    /// The PIN is blocked (unblocking needs the PUK, out of scope).
    case pinBlocked
    /// One try left: the PIN is only sent if the user explicitly confirms.
    case lastTryConfirmationRequired
    /// The operation needs a verified PIN (never verified, or lost after a reset or removal).
    case pinVerificationRequired
    /// The certificate read from the card is invalid or does not chain to a configured root.
    case untrustedCertificate(String)

    public var userMessage: String {
        switch self {
        case .unsupportedCard:
            return "Cette carte n'est pas une carte CPS reconnue."
        case .profileNotSupported(let profile):
            switch profile {
            case .cps3Contactless:
                return
                    "La lecture sans contact de la CPS ne permet pas de s'authentifier : insérez la carte dans le lecteur."
            case .cps4:
                return "La CPS4 est reconnue mais n'est pas encore prise en charge."
            default:
                return "Ce modèle de carte CPS n'est pas pris en charge."
            }
        case .card(let error):
            return error.userMessage
        case .unexpectedStatus:
            return "La carte a refusé l'opération."
        case .malformedCardData:
            return "Les données de la carte sont illisibles."
        case .invalidPINFormat:
            return "Le code porteur doit comporter exactement 4 chiffres."
        case .wrongPIN(let triesLeft):
            if triesLeft == 1 {
                return "Code porteur incorrect. Attention : il ne reste qu'un essai avant le blocage de la carte."
            }
            return "Code porteur incorrect. Il reste \(triesLeft) essais."
        case .pinBlocked:
            return "La carte est bloquée (trop de codes porteur erronés). Elle doit être débloquée."
        case .lastTryConfirmationRequired:
            return "Il ne reste qu'un essai avant le blocage de la carte : confirmez pour envoyer le code porteur."
        case .pinVerificationRequired:
            return "Le code porteur doit être saisi."
        case .untrustedCertificate:
            return "Le certificat de la carte n'est pas reconnu comme valide."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .unsupportedCard(let atr):
            return "Unsupported card, ATR \(atr.hexString)"
        case .profileNotSupported(let profile):
            return "Card profile \(profile.label) not supported for this operation"
        case .card(let error):
            return error.technicalDetail
        case .unexpectedStatus(let command, let status):
            return "\(command) answered SW \(status)"
        case .malformedCardData(let detail):
            return "Malformed card data: \(detail)"
        case .invalidPINFormat:
            return "PIN rejected locally: not exactly 4 digits (not sent to the card)"
        case .wrongPIN(let triesLeft):
            return "VERIFY failed, \(triesLeft) tries left"
        case .pinBlocked:
            return "PIN blocked (tries counter 0)"
        case .lastTryConfirmationRequired:
            return "One PIN try left: refused without explicit confirmation"
        case .pinVerificationRequired:
            return "Security status not satisfied: PIN not verified in this card session"
        case .untrustedCertificate(let detail):
            return "Card certificate rejected: \(detail)"
        }
    }
}
