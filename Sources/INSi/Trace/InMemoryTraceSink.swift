/// Keeps traces in memory (tests, CLI one-shots).
public actor InMemoryTraceSink: INSiTraceSink {
    public private(set) var traces: [INSiTrace] = []

    public init() {}

    public func record(_ trace: INSiTrace) {
        traces.append(trace)
    }

    public func removeAll() {
        traces.removeAll()
    }
}
