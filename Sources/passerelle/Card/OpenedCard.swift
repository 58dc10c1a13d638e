import SmartCard

/// A card ready for APDUs: the reader it sits in, the raw channel, and how to let it go.
struct OpenedCard: Sendable {
    let reader: String
    let transport: String
    let channel: any CardChannel
    /// Disconnects; in process, also saves the virtual card's try counter.
    let close: @Sendable () async -> Void
}
