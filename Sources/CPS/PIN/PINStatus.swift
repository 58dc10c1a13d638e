/// The PIN try counters, read with GET DATA (no try spent).
public struct PINStatus: Sendable, Hashable {
    public let maximumTries: Int
    public let triesLeft: Int

    public init(maximumTries: Int, triesLeft: Int) {
        self.maximumTries = maximumTries
        self.triesLeft = triesLeft
    }

    public var isBlocked: Bool { triesLeft == 0 }
    /// One try left: sending a PIN needs explicit confirmation.
    public var isLastTry: Bool { triesLeft == 1 }
}
