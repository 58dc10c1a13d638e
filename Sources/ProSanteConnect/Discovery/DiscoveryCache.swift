import Foundation
import Logging
import Synchronization

/// Holds the provider metadata. A fresh copy is refetched after `cacheLifetime`; while PSC is unreachable a
/// stale copy keeps working up to `staleLimit`, so a short PSC outage does not log everyone out.
/// While the copy is fresh, `cachedMetadata` answers under a lock without an actor hop (every ID-token
/// validation asks); only a fetch goes through the actor.
actor DiscoveryCache {
    private let url: String
    private let expectedIssuer: String
    private let transport: HTTPTransport
    private let lifetime: TimeInterval
    private let staleLimit: TimeInterval
    private let clock: WallClock
    private nonisolated let snapshot = Mutex<(metadata: ProviderMetadata, fetchedAt: Date)?>(nil)
    private let logger = Logger(label: "passerelle.psc.discovery")

    init(configuration: PSCConfiguration, transport: HTTPTransport, clock: WallClock) {
        self.url = configuration.effectiveDiscoveryURL
        self.expectedIssuer = configuration.issuer
        self.transport = transport
        self.lifetime = configuration.cacheLifetime
        self.staleLimit = configuration.staleLimit
        self.clock = clock
    }

    /// The fast path: the metadata while fresh, nil when `metadata()` must fetch.
    nonisolated func cachedMetadata(now: Date) -> ProviderMetadata? {
        guard let cached = snapshot.withLock({ $0 }), now.timeIntervalSince(cached.fetchedAt) < lifetime else {
            return nil
        }
        return cached.metadata
    }

    func metadata() async throws(PSCError) -> ProviderMetadata {
        let now = clock.now()
        if let metadata = cachedMetadata(now: now) { return metadata }
        let cached = snapshot.withLock { $0 }
        do {
            let metadata = try await fetch()
            snapshot.withLock { $0 = (metadata, now) }
            return metadata
        } catch {
            if case .unavailable = error, let cached, now.timeIntervalSince(cached.fetchedAt) < staleLimit {
                logger.warning("discovery unreachable, using the stale copy", metadata: ["detail": "\(error)"])
                return cached.metadata
            }
            throw error
        }
    }

    private func fetch() async throws(PSCError) -> ProviderMetadata {
        let reply = try await transport.get(url, endpoint: "discovery")
        guard reply.status == 200 else {
            throw .malformedResponse(endpoint: "discovery", detail: "HTTP \(reply.status)")
        }
        let metadata: ProviderMetadata
        do {
            metadata = try JSONDecoder().decode(ProviderMetadata.self, from: reply.body)
        } catch {
            throw .malformedResponse(endpoint: "discovery", detail: "\(error)")
        }
        // OIDC Discovery §4.3: the document must name the issuer we were configured with.
        guard metadata.issuer == expectedIssuer else {
            throw .malformedResponse(endpoint: "discovery", detail: "issuer \(metadata.issuer) != \(expectedIssuer)")
        }
        return metadata
    }
}
