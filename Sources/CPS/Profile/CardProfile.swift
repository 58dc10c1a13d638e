import SmartCard

/// Which kind of card is in the reader, decided from its ATR alone (no APDU sent).
///
/// CPS generations differ (CPS4: logical channel 1, other MSE formats, no INTERNAL AUTHENTICATE), so the card code
/// is chosen per profile; an unknown card is a clear state, never a crash.
public enum CardProfile: Sendable, Hashable {
    /// CPS3 contact (IAS-ECC, T=0): identity, PIN and signature supported.
    case cps3Contact
    /// CPS3 contactless interface: recognised, but it has no PIN and only a technical key (no login).
    case cps3Contactless
    /// Older CPS (probably CPS2ter): recognised, not supported.
    case cps2ter
    /// CPS4 (NXP ChipDoc): recognised, not yet supported.
    case cps4
    /// Anything else.
    case unsupported(atr: [UInt8])

    public init(atr: [UInt8]) {
        switch atr {
        case CPSConstants.cps3ContactATR: self = .cps3Contact
        case CPSConstants.cps3ContactlessATR: self = .cps3Contactless
        case CPSConstants.cps2terATR: self = .cps2ter
        case CPSConstants.cps4ContactATR: self = .cps4
        default: self = .unsupported(atr: atr)
        }
    }

    /// A CPS of any generation.
    public var isCPS: Bool {
        if case .unsupported = self {
            return false
        }
        return true
    }

    /// The profile can read the holder, check the PIN and sign.
    public var supportsLogin: Bool { self == .cps3Contact }

    /// Short French label for status screens.
    public var label: String {
        switch self {
        case .cps3Contact: return "CPS3"
        case .cps3Contactless: return "CPS3 (sans contact)"
        case .cps2ter: return "CPS2ter"
        case .cps4: return "CPS4"
        case .unsupported: return "Carte non reconnue"
        }
    }
}
