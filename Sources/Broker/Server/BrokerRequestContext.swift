import Hummingbird

/// Per-request state filled by the admission middleware and the bearer authenticator, read by routes.
public struct BrokerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The `Origin` header when it is a registered app origin (not the broker's own pages).
    public var crossOrigin: String?
    /// Set by `BearerAuthenticator`: the access token's grant.
    public var grant: AccessGrant?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
