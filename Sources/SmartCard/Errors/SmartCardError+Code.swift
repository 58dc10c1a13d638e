extension SmartCardError {
    /// Stable machine-readable identifier (`card.removed`, `card.service-unavailable`…), so programs can branch
    /// without parsing messages. `SmartCard` knows nothing of the project's error protocol; `CPS` exposes it.
    public var code: String {
        switch self {
        case .serviceUnavailable: return "card.service-unavailable"
        case .noReaders: return "card.no-reader"
        case .readerUnavailable: return "card.reader-unavailable"
        case .noCard: return "card.absent"
        case .cardRemoved: return "card.removed"
        case .cardReset: return "card.reset"
        case .cardUnusable: return "card.unusable"
        case .sharingViolation: return "card.sharing-violation"
        case .cancelled: return "card.cancelled"
        case .timeout: return "card.timeout"
        case .communicationFailed: return "card.communication-failed"
        case .connectionLost: return "card.connection-lost"
        case .accessDenied: return "card.access-denied"
        case .pcsc: return "card.pcsc"
        case .malformedResponse: return "card.malformed-response"
        case .invalidCommand: return "card.invalid-command"
        }
    }

    /// True when the failure means "no usable card or reader right now" (a dependency unavailable), as opposed to a
    /// refusal or a defect.
    public var isUnavailability: Bool {
        switch self {
        case .serviceUnavailable, .noReaders, .readerUnavailable, .noCard, .cardRemoved, .cardUnusable,
            .sharingViolation, .timeout, .communicationFailed, .connectionLost:
            return true
        case .cardReset, .cancelled, .accessDenied, .pcsc, .malformedResponse, .invalidCommand:
            return false
        }
    }
}
