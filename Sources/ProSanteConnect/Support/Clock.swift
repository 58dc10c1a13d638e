import Foundation

/// Token validation needs "now"; tests and benchmarks inject a fixed one.
public struct WallClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    public static let system = WallClock()
}
