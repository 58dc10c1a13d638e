import Foundation
import Logging

/// Caches PSC's signing keys. An unknown `kid` triggers one refetch (key rotation), at most once per
/// `refetchInterval` so that a flood of forged tokens cannot make us hammer PSC.
actor JWKSCache {
    private let transport: HTTPTransport
    private let lifetime: TimeInterval
    private let staleLimit: TimeInterval
    private let refetchInterval: TimeInterval
    private let clock: WallClock
    private var cached: (set: JSONWebKeySet, fetchedAt: Date, uri: String)?
    private var lastAttempt: Date?
    private let logger = Logger(label: "passerelle.psc.jwks")

    init(configuration: PSCConfiguration, transport: HTTPTransport, clock: WallClock) {
        self.transport = transport
        self.lifetime = configuration.cacheLifetime
        self.staleLimit = configuration.staleLimit
        self.refetchInterval = configuration.jwksRefetchInterval
        self.clock = clock
    }

    /// Number of network fetches so far (tests check the rate limit with it).
    private(set) var fetchCount = 0

    func key(kid: String?, alg: String, uri: String) async throws(PSCError) -> VerificationKey {
        let now = clock.now()
        if let cached, cached.uri == uri, now.timeIntervalSince(cached.fetchedAt) < lifetime,
            let key = cached.set.key(kid: kid, alg: alg)
        {
            return key
        }
        if let cached, cached.uri == uri, let lastAttempt, now.timeIntervalSince(lastAttempt) < refetchInterval {
            // Rate-limited: answer from what we have.
            if let key = cached.set.key(kid: kid, alg: alg) { return key }
            throw .invalidToken(.unknownKey(kid: kid))
        }
        lastAttempt = now
        do {
            fetchCount += 1
            let set = try await fetch(uri)
            cached = (set, now, uri)
        } catch {
            guard case .unavailable = error, let cached, cached.uri == uri,
                now.timeIntervalSince(cached.fetchedAt) < staleLimit
            else { throw error }
            logger.warning("JWKS unreachable, using the stale copy", metadata: ["detail": "\(error)"])
        }
        guard let key = cached?.set.key(kid: kid, alg: alg) else { throw .invalidToken(.unknownKey(kid: kid)) }
        return key
    }

    private func fetch(_ uri: String) async throws(PSCError) -> JSONWebKeySet {
        let reply = try await transport.get(uri, endpoint: "jwks")
        guard reply.status == 200 else { throw .malformedResponse(endpoint: "jwks", detail: "HTTP \(reply.status)") }
        return try JSONWebKeySet(json: reply.body)
    }
}
