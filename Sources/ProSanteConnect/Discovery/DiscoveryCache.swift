import Foundation
import Logging

/// Holds the provider metadata. A fresh copy is refetched after `cacheLifetime`; while PSC is unreachable a
/// stale copy keeps working up to `staleLimit`, so a short PSC outage does not log everyone out.
actor DiscoveryCache {
    private let url: String
    private let expectedIssuer: String
    private let transport: HTTPTransport
    private let lifetime: TimeInterval
    private let staleLimit: TimeInterval
    private let clock: WallClock
    private var cached: (metadata: ProviderMetadata, fetchedAt: Date)?
    private let logger = Logger(label: "passerelle.psc.discovery")

    init(configuration: PSCConfiguration, transport: HTTPTransport, clock: WallClock) {
        self.url = configuration.effectiveDiscoveryURL
        self.expectedIssuer = configuration.issuer
        self.transport = transport
        self.lifetime = configuration.cacheLifetime
        self.staleLimit = configuration.staleLimit
        self.clock = clock
    }

    func metadata() async throws(PSCError) -> ProviderMetadata {
        let now = clock.now()
        if let cached, now.timeIntervalSince(cached.fetchedAt) < lifetime { return cached.metadata }
        do {
            let metadata = try await fetch()
            cached = (metadata, now)
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
