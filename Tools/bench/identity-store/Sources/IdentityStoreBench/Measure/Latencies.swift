/// Collected durations of one kind of query, in milliseconds.
struct Latencies {
    private(set) var milliseconds: [Double] = []

    mutating func time<T>(_ body: () async throws -> T) async rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try await body()
        milliseconds.append(Self.ms(clock.now - start))
        return value
    }

    /// Nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !milliseconds.isEmpty else { return .nan }
        let sorted = milliseconds.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    static func ms(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}

/// Wall time of one long step.
struct Stopwatch {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    init() { start = clock.now }

    var seconds: Double { Latencies.ms(clock.now - start) / 1000 }
}
