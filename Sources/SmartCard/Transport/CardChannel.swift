/// The raw link to one inserted card: bytes in, bytes out, plus exclusive transactions.
///
/// A PC/SC connection implements it, and so does the in-process virtual card, so the CPS code and its tests run the
/// same way with or without pcscd. Implementations never log the bytes they carry.
public protocol CardChannel: Sendable {
    /// The Answer-To-Reset of the card as the reader reported it at connection time.
    var atr: [UInt8] { get }
    /// The transmission protocol in use; the transport applies the T=0 rules when it is `.t0`.
    var transmissionProtocol: CardProtocol { get }
    /// Sends one raw command APDU and returns the raw reply (data + SW1 SW2) exactly as received.
    func transmit(_ apdu: [UInt8]) async throws(SmartCardError) -> [UInt8]
    /// Takes the card for this client alone until `endTransaction`.
    func beginTransaction() async throws(SmartCardError)
    /// Releases the card; `disposition` says what happens to it.
    func endTransaction(_ disposition: CardDisposition) async throws(SmartCardError)
}

/// Card transmission protocol.
public enum CardProtocol: Sendable, Hashable {
    case t0
    case t1
    case raw
}

/// What happens to the card when a transaction ends or the connection closes.
public enum CardDisposition: Sendable, Hashable {
    case leave
    case reset
    case unpower
}
