/// Misbehaviours a test can switch on, shared by the vpcd server and the in-process channel.
public struct FaultPlan: Sendable, Hashable {
    /// The next reply is cut to a single byte (what a dying emulator or reader produces).
    public var garbleNextReply = false
    /// The card disappears when this many more command APDUs have arrived (the last one gets no answer).
    public var removeAfterCommands: Int?
    /// Delay added before every reply.
    public var replyDelayMilliseconds = 0

    public init() {}

    public enum Outcome: Sendable, Equatable {
        case answer([UInt8])
        case removeCard
    }

    /// Applies the plan to one exchange; `answer` is only evaluated when the card still answers.
    public mutating func apply(_ answer: () -> [UInt8]) -> Outcome {
        if let remaining = removeAfterCommands {
            if remaining <= 1 {
                removeAfterCommands = nil
                return .removeCard
            }
            removeAfterCommands = remaining - 1
        }
        let reply = answer()
        if garbleNextReply {
            garbleNextReply = false
            return .answer(Array(reply.prefix(1)))
        }
        return .answer(reply)
    }
}
