import Foundation
import Synchronization

/// Fixed-window counters per key (route class + login transaction or client address). Small on purpose: the
/// broker serves one workstation, the goal is to stop a local script hammering the PIN or login routes.
final class RateLimiter: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let clock: BrokerClock
    private let counters = Mutex<[String: (start: Date, count: Int)]>([:])

    init(limit: Int, window: TimeInterval = 60, clock: BrokerClock) {
        self.limit = limit
        self.window = window
        self.clock = clock
    }

    /// Counts one attempt; throws `rateLimited` once the window's budget is spent.
    func check(_ key: String) throws(BrokerError) {
        let now = clock.now()
        let retry: Int? = counters.withLock { counters in
            if counters.count > 1024 { counters = counters.filter { now.timeIntervalSince($0.value.start) < window } }
            var entry = counters[key] ?? (now, 0)
            if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
            entry.count += 1
            counters[key] = entry
            guard entry.count > limit else { return nil }
            return max(1, Int((window - now.timeIntervalSince(entry.start)).rounded(.up)))
        }
        if let retry { throw .rateLimited(retryAfter: retry) }
    }
}
