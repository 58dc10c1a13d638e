import Foundation

/// Logins in flight, keyed by `state`. A state is consumed by the first callback that names it, matching or
/// not, so a replayed or forged callback can never be used twice; entries also expire.
actor PendingAuthorizations {
    private var pending: [String: AuthorizationRequest] = [:]
    private let lifetime: TimeInterval = 600

    func insert(_ request: AuthorizationRequest) {
        purge(now: request.createdAt)
        pending[request.state] = request
    }

    func take(state: String, now: Date) -> AuthorizationRequest? {
        purge(now: now)
        // Constant-time comparison over every pending key; the dictionary lookup alone would leak timing
        // only about our own random values, but the loop keeps the rule simple: secrets are never `==`.
        var found: AuthorizationRequest?
        for (key, request) in pending where Secrets.constantTimeEquals(key, state) {
            found = request
        }
        if let found { pending[found.state] = nil }
        return found
    }

    private func purge(now: Date) {
        pending = pending.filter { now.timeIntervalSince($0.value.createdAt) < lifetime }
    }
}
