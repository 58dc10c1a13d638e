import Foundation

/// Time source of sessions, codes and tokens; tests move it forward instead of sleeping.
public struct BrokerClock: Sendable {
    private let source: @Sendable () -> Date

    public init(_ source: @escaping @Sendable () -> Date) {
        self.source = source
    }

    public static let system = BrokerClock { Date() }

    public func now() -> Date { source() }
}
