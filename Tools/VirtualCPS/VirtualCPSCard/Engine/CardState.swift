/// What the card remembers. `persistent` survives resets and power cycles (it is EEPROM: the PIN try counter above
/// all); `volatile` is lost on every reset (security status, selections, pending response).
struct CardState: Sendable {
    struct Persistent: Sendable {
        var pinTriesLeft = CPS3Constants.maximumPINTries
    }

    struct Volatile: Sendable {
        var currentDF: [CardFile] = []
        var currentEF: CardFile?
        var pinVerified = false
        var securityEnvironmentKey: UInt8?
        var pendingResponse: [UInt8] = []
    }

    var persistent = Persistent()
    var volatile = Volatile()
}
