/// Everything that can go wrong between Passerelle and a card reader, typed so callers can react (re-read the card,
/// ask for reinsertion, wait for pcscd) instead of parsing messages.
///
/// Each case carries a French `userMessage` for people and an English `technicalDetail` for logs; neither ever contains
/// APDU data (which may hold a PIN).
public enum SmartCardError: Error, Sendable, Hashable {
    /// pcscd is not running, stopped, or shutting down (`SCARD_E_NO_SERVICE`, `SCARD_E_SERVICE_STOPPED`,
    /// `SCARD_P_SHUTDOWN`, `SCARD_E_SERVER_TOO_BUSY`). The context is re-established on the next call.
    case serviceUnavailable(PCSCStatus)
    /// No reader is connected (`SCARD_E_NO_READERS_AVAILABLE`).
    case noReaders
    /// The reader is unknown or went away (`SCARD_E_UNKNOWN_READER`, `SCARD_E_READER_UNAVAILABLE`, …).
    case readerUnavailable(PCSCStatus)
    /// No card in the reader (`SCARD_E_NO_SMARTCARD`).
    case noCard
    /// The card was pulled out; the connection is dead (`SCARD_W_REMOVED_CARD`).
    case cardRemoved
    /// Someone reset the card: its security state (verified PIN, selected application) is lost (`SCARD_W_RESET_CARD`).
    case cardReset
    /// The card is mute, unpowered or not usable by the reader (`SCARD_W_UNRESPONSIVE_CARD`, `SCARD_W_UNPOWERED_CARD`,
    /// `SCARD_W_UNSUPPORTED_CARD`, `SCARD_E_CARD_UNSUPPORTED`, `SCARD_E_PROTO_MISMATCH`, `SCARD_E_INVALID_ATR`…).
    case cardUnusable(PCSCStatus)
    /// Another application holds the card exclusively (`SCARD_E_SHARING_VIOLATION`).
    case sharingViolation
    /// The wait was cancelled (`SCARD_E_CANCELLED`, `SCARD_E_SYSTEM_CANCELLED`, `SCARD_W_CANCELLED_BY_USER`).
    case cancelled(PCSCStatus)
    /// A PC/SC timeout expired (`SCARD_E_TIMEOUT`, `SCARD_F_WAITED_TOO_LONG`).
    case timeout(PCSCStatus)
    /// The exchange with the card failed midway (`SCARD_F_COMM_ERROR`, `SCARD_E_COMM_DATA_LOST`,
    /// `SCARD_E_NOT_TRANSACTED`, …): the card may have been pulled or the reader failed.
    case communicationFailed(PCSCStatus)
    /// The connection handle or context is no longer valid (`SCARD_E_INVALID_HANDLE`), typically after pcscd restarted.
    case connectionLost(PCSCStatus)
    /// Access-control warnings the resource manager reports (`SCARD_W_SECURITY_VIOLATION`, `SCARD_W_WRONG_CHV`,
    /// `SCARD_W_CHV_BLOCKED`, `SCARD_W_CARD_NOT_AUTHENTICATED`, `SCARD_E_INVALID_CHV`, `SCARD_E_NO_ACCESS`).
    case accessDenied(PCSCStatus)
    /// Any other PC/SC status: programming errors, file-system style codes, internal failures.
    case pcsc(PCSCStatus)
    /// The card answered something that is not a valid response APDU (fewer than 2 bytes, endless `61xx`…).
    case malformedResponse(String)
    /// The caller asked for something the transport cannot encode (data longer than 255 bytes, bad Le…).
    case invalidCommand(String)

    /// Maps a PC/SC return code; `nil` for success.
    public init?(status: PCSCStatus) {
        switch status {
        case .success:
            return nil
        case .noService, .serviceStopped, .shutdown, .serverTooBusy:
            self = .serviceUnavailable(status)
        case .noReadersAvailable:
            self = .noReaders
        case .unknownReader, .readerUnavailable, .readerUnsupported, .duplicateReader, .notReady:
            self = .readerUnavailable(status)
        case .noSmartcard:
            self = .noCard
        case .removedCard:
            self = .cardRemoved
        case .resetCard:
            self = .cardReset
        case .unresponsiveCard, .unpoweredCard, .unsupportedCard, .cardUnsupported, .protoMismatch, .invalidATR,
            .unknownCard:
            self = .cardUnusable(status)
        case .sharingViolation:
            self = .sharingViolation
        case .cancelled, .systemCancelled, .cancelledByUser:
            self = .cancelled(status)
        case .timeout, .waitedTooLong:
            self = .timeout(status)
        case .commError, .commDataLost, .notTransacted, .unexpected:
            self = .communicationFailed(status)
        case .invalidHandle:
            self = .connectionLost(status)
        case .securityViolation, .wrongCHV, .chvBlocked, .cardNotAuthenticated, .invalidCHV, .noAccess:
            self = .accessDenied(status)
        default:
            self = .pcsc(status)
        }
    }

    /// Throws the mapped error when `raw` is not `SCARD_S_SUCCESS`.
    static func check<T: BinaryInteger>(_ raw: T) throws(SmartCardError) {
        if let error = SmartCardError(status: PCSCStatus(raw: raw)) {
            throw error
        }
    }

    /// The PC/SC status behind this error, when there is one.
    public var status: PCSCStatus? {
        switch self {
        case .serviceUnavailable(let status), .readerUnavailable(let status), .cardUnusable(let status),
            .cancelled(let status), .timeout(let status), .communicationFailed(let status), .connectionLost(let status),
            .accessDenied(let status), .pcsc(let status):
            return status
        case .noReaders:
            return .noReadersAvailable
        case .noCard:
            return .noSmartcard
        case .cardRemoved:
            return .removedCard
        case .cardReset:
            return .resetCard
        case .sharingViolation:
            return .sharingViolation
        case .malformedResponse, .invalidCommand:
            return nil
        }
    }

    /// True when the PC/SC context must be dropped and established again before the next call.
    public var requiresNewContext: Bool {
        switch self {
        case .serviceUnavailable, .noReaders, .connectionLost:
            return true
        default:
            return false
        }
    }

    /// True when the card session is over: reconnect (after reinsertion) and assume the security state is lost.
    public var endsCardSession: Bool {
        switch self {
        case .cardRemoved, .cardReset, .noCard, .cardUnusable, .communicationFailed, .connectionLost,
            .serviceUnavailable, .readerUnavailable, .noReaders, .malformedResponse:
            return true
        default:
            return false
        }
    }

    public var userMessage: String {
        switch self {
        case .serviceUnavailable:
            return "Le service de lecteurs de cartes (pcscd) n'est pas disponible."
        case .noReaders:
            return "Aucun lecteur de cartes n'est branché."
        case .readerUnavailable:
            return "Le lecteur de cartes n'est plus disponible."
        case .noCard:
            return "Aucune carte n'est insérée dans le lecteur."
        case .cardRemoved:
            return "La carte a été retirée du lecteur."
        case .cardReset:
            return "La carte a été réinitialisée : le code porteur doit être saisi à nouveau."
        case .cardUnusable:
            return "La carte ne répond pas ou n'est pas utilisable avec ce lecteur."
        case .sharingViolation:
            return "La carte est utilisée en mode exclusif par une autre application."
        case .cancelled:
            return "L'opération sur la carte a été annulée."
        case .timeout:
            return "Le lecteur de cartes n'a pas répondu à temps."
        case .communicationFailed:
            return "La communication avec la carte a échoué. Vérifiez qu'elle est bien insérée."
        case .connectionLost:
            return "La connexion au lecteur a été perdue. Réessayez."
        case .accessDenied:
            return "L'accès à la carte a été refusé."
        case .pcsc:
            return "Erreur du lecteur de cartes."
        case .malformedResponse:
            return "La carte a renvoyé une réponse invalide."
        case .invalidCommand:
            return "Commande de carte invalide."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .malformedResponse(let detail):
            return "Malformed card response: \(detail)"
        case .invalidCommand(let detail):
            return "Invalid command APDU: \(detail)"
        default:
            if let status {
                return "PC/SC call failed with \(status)"
            }
            return "PC/SC failure"
        }
    }
}

extension SmartCardError: CustomStringConvertible {
    public var description: String { technicalDetail }
}
