import CPS
import INS
import ProSanteConnect

/// Why a login did not end in a session, in plain French for the login pages.
enum LoginFailure: PasserelleError, Equatable {
    case pscNotConfigured
    case pscUnavailable(String)
    case accessDenied(String)
    case expired
    case cardAbsent
    case cardRemoved
    case cardBlocked
    case wrongPIN(triesLeft: Int)
    case lastTryConfirmationRequired
    case invalidPINFormat
    case cardMismatch
    case cardError(String)
    case unknownTransaction
    case other(String)

    var code: String {
        switch self {
        case .pscNotConfigured: "login.psc-not-configured"
        case .pscUnavailable: "login.psc-unavailable"
        case .accessDenied: "login.access-denied"
        case .expired: "login.expired"
        case .cardAbsent: "login.card-absent"
        case .cardRemoved: "login.card-removed"
        case .cardBlocked: "login.card-blocked"
        case .wrongPIN: "login.wrong-pin"
        case .lastTryConfirmationRequired: "login.last-try"
        case .invalidPINFormat: "login.pin-format"
        case .cardMismatch: "login.card-mismatch"
        case .cardError: "login.card-error"
        case .unknownTransaction: "login.unknown-transaction"
        case .other: "login.failed"
        }
    }

    var userMessage: String {
        switch self {
        case .pscNotConfigured: "La connexion Pro Santé Connect n'est pas configurée sur ce poste."
        case .pscUnavailable: "Pro Santé Connect est momentanément indisponible. Réessayez dans quelques instants."
        case .accessDenied: "La connexion a été refusée."
        case .expired: "La demande de connexion n'a pas été validée à temps. Recommencez."
        case .cardAbsent: "Aucune carte CPS n'est insérée dans le lecteur."
        case .cardRemoved: "La carte a été retirée pendant la connexion. Réinsérez-la et recommencez."
        case .cardBlocked: "Votre carte CPS est bloquée (trop de codes faux). Contactez l'ANS pour la débloquer."
        case .wrongPIN(let left):
            left == 1
                ? "Code faux. Il ne reste qu'un essai : le prochain code faux bloquera la carte."
                : "Code faux. Il reste \(left) essais."
        case .lastTryConfirmationRequired:
            "Il ne reste qu'un essai. Confirmez explicitement avant de saisir le code."
        case .invalidPINFormat: "Le code porteur comporte exactement 4 chiffres."
        case .cardMismatch: "La carte insérée n'appartient pas au professionnel connecté à Pro Santé Connect."
        case .cardError: "La carte n'a pas pu être lue. Réinsérez-la."
        case .unknownTransaction:
            "Cette demande de connexion est inconnue ou a expiré. Recommencez depuis l'application."
        case .other: "La connexion a échoué."
        }
    }

    var technicalDetail: String {
        switch self {
        case .pscNotConfigured: "no psc section in the configuration"
        case .pscUnavailable(let detail), .accessDenied(let detail), .cardError(let detail), .other(let detail):
            detail
        case .expired: "login expired"
        case .cardAbsent: "no card in the reader"
        case .cardRemoved: "card removed during login"
        case .cardBlocked: "PIN blocked"
        case .wrongPIN(let left): "wrong PIN, \(left) tries left"
        case .lastTryConfirmationRequired: "one try left and no confirmation"
        case .invalidPINFormat: "PIN is not 4 digits"
        case .cardMismatch: "PSC SubjectNameID differs from the card holder's national id"
        case .unknownTransaction: "unknown or expired login transaction"
        }
    }

    static func from(_ error: PSCError) -> LoginFailure {
        switch error {
        case .unavailable, .malformedResponse: .pscUnavailable(error.technicalDetail)
        case .cibaDenied: .accessDenied(error.technicalDetail)
        case .authorizationRefused(let code, _) where code == "access_denied": .accessDenied(error.technicalDetail)
        case .cibaExpired: .expired
        case .configuration: .pscUnavailable(error.technicalDetail)
        default: .other(error.technicalDetail)
        }
    }

    static func from(_ error: CPSError) -> LoginFailure {
        switch error {
        case .pinBlocked: .cardBlocked
        case .wrongPIN(let left): .wrongPIN(triesLeft: left)
        case .lastTryConfirmationRequired: .lastTryConfirmationRequired
        case .invalidPINFormat: .invalidPINFormat
        case .card(.noCard), .card(.cardRemoved): .cardRemoved
        default: .cardError(error.technicalDetail)
        }
    }
}
