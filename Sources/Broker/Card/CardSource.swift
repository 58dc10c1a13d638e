import SmartCard

/// Where the broker's cards come from: PC/SC by default, an in-process virtual card in tests.
public protocol CardSource: Sendable {
    /// Insertions (with a channel to talk to the card) and removals, starting with what is present now.
    func events() -> AsyncStream<CardSourceEvent>
}

public enum CardSourceEvent: Sendable {
    case inserted(reader: String, channel: any CardChannel)
    case removed(reader: String)
    /// The card service is gone (pcscd stopped): every card counts as removed.
    case unavailable
}
