import SmartCard
import Synchronization

/// A virtual CPS3 plugged straight into the `SmartCard` transport, without pcscd: unit tests and the demo use it.
///
/// It mimics what PC/SC reports: after `simulateReset()` the next exchange fails once with `cardReset`; after
/// `remove()` every exchange fails with `cardRemoved` until `insert(_:)`.
public final class InProcessCardChannel: CardChannel {
    private struct State {
        var engine: CardEngine?
        var resetNotice = false
        var faults = FaultPlan()
        var inTransaction = false
    }

    private let state: Mutex<State>
    public let atr: [UInt8]

    public init(engine: CardEngine) {
        atr = engine.atr
        state = Mutex(State(engine: engine))
    }

    public convenience init(content: VirtualCardContent) throws {
        self.init(engine: try CardEngine(content: content))
    }

    public var transmissionProtocol: CardProtocol { .t0 }

    public func transmit(_ apdu: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        let delay = state.withLock { $0.faults.replyDelayMilliseconds }
        if delay > 0 {
            try? await Task.sleep(for: .milliseconds(delay))
        }
        let result: Result<[UInt8], SmartCardError> = state.withLock { state in
            guard state.engine != nil else {
                return .failure(.cardRemoved)
            }
            if state.resetNotice {
                state.resetNotice = false
                return .failure(.cardReset)
            }
            let outcome = state.faults.apply {
                state.engine?.process(apdu) ?? []
            }
            switch outcome {
            case .answer(let reply):
                return .success(reply)
            case .removeCard:
                state.engine = nil
                return .failure(.cardRemoved)
            }
        }
        return try result.get()
    }

    public func beginTransaction() async throws(SmartCardError) {
        let result: Result<Void, SmartCardError> = state.withLock { state in
            guard state.engine != nil else {
                return .failure(.cardRemoved)
            }
            state.inTransaction = true
            return .success(())
        }
        try result.get()
    }

    public func endTransaction(_ disposition: CardDisposition) async throws(SmartCardError) {
        let result: Result<Void, SmartCardError> = state.withLock { state in
            state.inTransaction = false
            guard state.engine != nil else {
                return .failure(.cardRemoved)
            }
            if disposition != .leave {
                state.engine?.reset()
            }
            return .success(())
        }
        try result.get()
    }

    /// Another application reset the card: security state lost, next exchange reports `cardReset`.
    public func simulateReset() {
        state.withLock { state in
            state.engine?.reset()
            state.resetNotice = true
        }
    }

    public func remove() {
        state.withLock { $0.engine = nil }
    }

    /// Puts a card back (the same engine keeps its try counter, as a real card would).
    public func insert(_ engine: CardEngine) {
        state.withLock { state in
            var engine = engine
            engine.reset()
            state.engine = engine
            state.resetNotice = false
        }
    }

    /// The card currently inserted, for assertions (try counter, command count).
    public var engine: CardEngine? {
        state.withLock { $0.engine }
    }

    public func setFaults(_ update: (inout FaultPlan) -> Void) {
        state.withLock { update(&$0.faults) }
    }
}
