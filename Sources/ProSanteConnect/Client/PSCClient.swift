import Foundation
import Logging

/// The Pro Santé Connect relying party. One instance per configured PSC environment; safe to share.
public final class PSCClient: Sendable {
    public let configuration: PSCConfiguration
    let transport: HTTPTransport
    let discovery: DiscoveryCache
    let keys: JWKSCache
    let validator: TokenValidator
    let poster: AuthenticatedPoster
    let pending = PendingAuthorizations()
    let clock: WallClock
    let logger = Logger(label: "passerelle.psc")

    public init(configuration: PSCConfiguration, clock: WallClock = .system) throws(PSCError) {
        try configuration.validate()
        self.configuration = configuration
        self.clock = clock
        var identity: TLSIdentity?
        if case .tlsClientAuth(let path, let passphrase) = configuration.clientAuthentication {
            identity = try TLSIdentity(pkcs12Path: path, passphrase: passphrase)
        }
        transport = try HTTPTransport(
            trustRootsPEM: configuration.trustRootsPEM, identity: identity, timeout: configuration.requestTimeout)
        discovery = DiscoveryCache(configuration: configuration, transport: transport, clock: clock)
        keys = JWKSCache(configuration: configuration, transport: transport, clock: clock)
        validator = TokenValidator(configuration: configuration, keys: keys, clock: clock)
        poster = AuthenticatedPoster(configuration: configuration, transport: transport)
    }

    public func shutdown() async {
        await transport.shutdown()
    }

    public func metadata() async throws(PSCError) -> ProviderMetadata {
        if let metadata = discovery.cachedMetadata(now: clock.now()) { return metadata }
        return try await discovery.metadata()
    }

    /// Number of JWKS downloads so far (observability and tests of the refetch rate limit).
    public func jwksFetchCount() async -> Int {
        await keys.fetchCount
    }

    var usesMutualTLS: Bool { configuration.clientAuthentication.usesMutualTLS }

    func tokenEndpoint(_ metadata: ProviderMetadata) -> String {
        metadata.endpoint("token_endpoint", default: metadata.tokenEndpoint, mutualTLS: usesMutualTLS)
            ?? metadata.tokenEndpoint
    }
}
