import Foundation

/// Stops calling INSi after repeated technical failures, so that a workstation does not pile up timeouts while
/// the service is down, and says so clearly ("service INSi indisponible"). After the cool-down one trial call
/// is let through: success closes the circuit, failure opens it again.
public actor CircuitBreaker {
    public enum State: Sendable, Equatable {
        case closed(consecutiveFailures: Int)
        case open(until: Date)
        case halfOpen
    }

    public struct Settings: Sendable, Hashable, Codable {
        public var failureThreshold: Int
        public var coolDownSeconds: Double

        public init(failureThreshold: Int = 5, coolDownSeconds: Double = 30) {
            self.failureThreshold = max(1, failureThreshold)
            self.coolDownSeconds = max(0, coolDownSeconds)
        }
    }

    public private(set) var state: State = .closed(consecutiveFailures: 0)
    private let settings: Settings
    private let now: @Sendable () -> Date

    public init(settings: Settings, now: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        self.now = now
    }

    /// Throws `serviceUnavailable` while open; moves to half-open once the cool-down is over.
    func admit() throws(INSiError) {
        switch state {
        case .closed, .halfOpen: return
        case .open(let until):
            let current = now()
            if current >= until {
                state = .halfOpen
                return
            }
            throw .serviceUnavailable(retryAfterSeconds: max(1, Int((until.timeIntervalSince(current)).rounded(.up))))
        }
    }

    func recordSuccess() {
        state = .closed(consecutiveFailures: 0)
    }

    func recordTechnicalFailure() {
        switch state {
        case .halfOpen, .open:
            state = .open(until: now().addingTimeInterval(settings.coolDownSeconds))
        case .closed(let count):
            if count + 1 >= settings.failureThreshold {
                state = .open(until: now().addingTimeInterval(settings.coolDownSeconds))
            } else {
                state = .closed(consecutiveFailures: count + 1)
            }
        }
    }

    public var isOpen: Bool {
        if case .open(let until) = state { return now() < until }
        return false
    }
}
