import Foundation
import Logging
import Synchronization

/// Caches PSC's signing keys. An unknown `kid` triggers one refetch (key rotation), at most once per
/// `refetchInterval` so that a flood of forged tokens cannot make us hammer PSC.
///
/// Two paths: `cachedKey` reads an immutable snapshot under a lock, without an actor hop, and answers every
/// validation while the JWKS is fresh and knows the `kid`; everything else (first use, expiry, unknown `kid`,
/// rate limit, stale copy) goes through the actor, which alone fetches and publishes new snapshots. The hops
/// this saves were a third of the validation time (Tools/bench/psc).
actor JWKSCache {
    private struct Snapshot: Sendable {
        var set: JSONWebKeySet
        var fetchedAt: Date
        var uri: String
    }

    private let transport: HTTPTransport
    private let lifetime: TimeInterval
    private let staleLimit: TimeInterval
    private let refetchInterval: TimeInterval
    private let clock: WallClock
    private nonisolated let snapshot = Mutex<Snapshot?>(nil)
    private var lastAttempt: Date?
    private let logger = Logger(label: "passerelle.psc.jwks")

    init(configuration: PSCConfiguration, transport: HTTPTransport, clock: WallClock) {
        self.init(
            lifetime: configuration.cacheLifetime, staleLimit: configuration.staleLimit,
            refetchInterval: configuration.jwksRefetchInterval, transport: transport, clock: clock)
    }

    init(
        lifetime: TimeInterval, staleLimit: TimeInterval, refetchInterval: TimeInterval, transport: HTTPTransport,
        clock: WallClock
    ) {
        self.transport = transport
        self.lifetime = lifetime
        self.staleLimit = staleLimit
        self.refetchInterval = refetchInterval
        self.clock = clock
    }

    /// Number of network fetches so far (tests check the rate limit with it).
    private(set) var fetchCount = 0

    /// The fast path: the key from a fresh snapshot of `uri`, or nil when only `key(kid:alg:uri:)` can answer.
    nonisolated func cachedKey(kid: String?, alg: String, uri: String, now: Date) -> VerificationKey? {
        guard let current = snapshot.withLock({ $0 }), current.uri == uri,
            now.timeIntervalSince(current.fetchedAt) < lifetime
        else { return nil }
        return current.set.key(kid: kid, alg: alg)
    }

    func key(kid: String?, alg: String, uri: String) async throws(PSCError) -> VerificationKey {
        let now = clock.now()
        if let key = cachedKey(kid: kid, alg: alg, uri: uri, now: now) { return key }
        let cached = snapshot.withLock { $0 }
        if let cached, cached.uri == uri, let lastAttempt, now.timeIntervalSince(lastAttempt) < refetchInterval {
            // Rate-limited: answer from what we have.
            if let key = cached.set.key(kid: kid, alg: alg) { return key }
            throw .invalidToken(.unknownKey(kid: kid))
        }
        lastAttempt = now
        var current = cached
        do {
            fetchCount += 1
            let set = try await fetch(uri)
            current = Snapshot(set: set, fetchedAt: now, uri: uri)
            snapshot.withLock { $0 = current }
        } catch {
            guard case .unavailable = error, let cached, cached.uri == uri,
                now.timeIntervalSince(cached.fetchedAt) < staleLimit
            else { throw error }
            logger.warning("JWKS unreachable, using the stale copy", metadata: ["detail": "\(error)"])
        }
        guard let key = current?.set.key(kid: kid, alg: alg) else { throw .invalidToken(.unknownKey(kid: kid)) }
        return key
    }

    private func fetch(_ uri: String) async throws(PSCError) -> JSONWebKeySet {
        let reply = try await transport.get(uri, endpoint: "jwks")
        guard reply.status == 200 else { throw .malformedResponse(endpoint: "jwks", detail: "HTTP \(reply.status)") }
        return try JSONWebKeySet(json: reply.body)
    }
}
