extension CPSError {
    /// Stable machine-readable identifier; PC/SC failures use `SmartCardError.code` (`card.removed`…).
    public var code: String {
        switch self {
        case .unsupportedCard: return "card.unsupported"
        case .profileNotSupported: return "card.profile-not-supported"
        case .card(let error): return error.code
        case .unexpectedStatus: return "card.refused"
        case .malformedCardData: return "card.malformed-data"
        case .invalidPINFormat: return "pin.invalid-format"
        case .wrongPIN: return "pin.wrong"
        case .pinBlocked: return "pin.blocked"
        case .lastTryConfirmationRequired: return "pin.last-try-confirmation-required"
        case .pinVerificationRequired: return "pin.verification-required"
        case .untrustedCertificate: return "card.untrusted-certificate"
        }
    }

    /// True when no usable card, reader or PC/SC service is there (exit code 3 on the command line); everything else
    /// is a refusal or bad input.
    public var isUnavailability: Bool {
        if case .card(let error) = self {
            return error.isUnavailability
        }
        return false
    }
}
