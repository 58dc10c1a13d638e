/// Something that happened to the readers or cards, as seen by PC/SC.
///
/// A card reset by another application is not visible in PC/SC reader states (pcsc-lite's event counter only counts
/// insertions and removals): it surfaces on the connection as `SmartCardError.cardReset`.
public enum ReaderEvent: Sendable, Hashable {
    case readerAdded(reader: String)
    case readerRemoved(reader: String)
    /// A card is present (also reported for cards already inserted when the sequence starts).
    case cardInserted(reader: String, atr: [UInt8])
    case cardRemoved(reader: String)
    /// pcscd stopped answering; every reader and card is considered gone until `serviceAvailable`.
    case serviceUnavailable
    /// A PC/SC context is (again) established.
    case serviceAvailable
}
