/// Bounded, jittered retries of transport failures. Only the read-only searches use it, and only for failures
/// where the request may not have reached INSi (connection refused, reset, dropped, timeout): a fault or an
/// HTTP error is an answer, and is never retried.
public struct RetryPolicy: Sendable, Hashable, Codable {
    public var maximumAttempts: Int
    public var baseDelayMilliseconds: Int
    public var maximumDelayMilliseconds: Int

    public init(maximumAttempts: Int = 3, baseDelayMilliseconds: Int = 100, maximumDelayMilliseconds: Int = 2000) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelayMilliseconds = max(0, baseDelayMilliseconds)
        self.maximumDelayMilliseconds = max(0, maximumDelayMilliseconds)
    }

    public static let none = RetryPolicy(maximumAttempts: 1)

    func shouldRetry(_ error: INSiError, attempt: Int) -> Bool {
        guard attempt < maximumAttempts else { return false }
        if case .transport = error { return true }
        return false
    }

    /// "Full jitter": a random delay up to an exponentially growing cap.
    func delay(afterAttempt attempt: Int) -> Duration {
        let cap = min(maximumDelayMilliseconds, baseDelayMilliseconds << min(attempt - 1, 16))
        return .milliseconds(cap > 0 ? Int.random(in: 0...cap) : 0)
    }
}
