import Foundation

/// Everything the client needs to talk to one PSC environment. Plain `Codable` so that the application's
/// configuration loader can fill it from YAML; nothing here is a compiled-in constant (psc.md §1).
public struct PSCConfiguration: Sendable, Codable, Equatable {
    /// Exact `iss` of the realm, e.g. `https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet`.
    public var issuer: String
    /// Defaults to `<issuer>/.well-known/wallet-openid-configuration` (PSC's non-standard name).
    public var discoveryURL: String?
    public var clientID: String
    public var clientAuthentication: ClientAuthentication
    public var scopes: [String]
    /// Requested with `acr_values`.
    public var acrValues: [String]
    /// The `acr` values accepted in ID tokens.
    public var acceptedACR: [String]
    /// Reject tokens whose `acr` is missing or outside `acceptedACR`; otherwise only log it (psc.md §3).
    public var enforceACR: Bool
    /// Loopback redirect of the workstation (RFC 8252); the port may be replaced at run time.
    public var redirectURI: String
    public var postLogoutRedirectURI: String?
    /// PEM file of the roots trusted for PSC's TLS; nil = system roots.
    public var trustRootsPEM: String?
    /// Tolerated clock difference for `exp`/`iat`/`nbf`, seconds.
    public var clockSkew: Double
    /// HTTP timeout per request, seconds.
    public var requestTimeout: Double
    /// How long discovery and JWKS are trusted before a refetch, seconds.
    public var cacheLifetime: Double
    /// How long a stale copy may still be used while PSC is unreachable, seconds.
    public var staleLimit: Double
    /// Minimum interval between two JWKS refetches triggered by an unknown `kid`, seconds.
    public var jwksRefetchInterval: Double
    /// Accepted JWS algorithms (never `none`, never HS*).
    public var allowedAlgorithms: [String]
    /// OIDC `prompt` sent with the authorization request (e.g. `consent`, required with `offline_access`).
    public var prompt: String?

    public init(
        issuer: String,
        discoveryURL: String? = nil,
        clientID: String,
        clientAuthentication: ClientAuthentication,
        scopes: [String] = ["openid", "scope_all"],
        acrValues: [String] = ["eidas1"],
        acceptedACR: [String] = ["eidas1", "eidas2", "eidas3"],
        enforceACR: Bool = true,
        redirectURI: String = "http://127.0.0.1/callback",
        postLogoutRedirectURI: String? = nil,
        trustRootsPEM: String? = nil,
        clockSkew: Double = 60,
        requestTimeout: Double = 10,
        cacheLifetime: Double = 3600,
        staleLimit: Double = 86_400,
        jwksRefetchInterval: Double = 10,
        allowedAlgorithms: [String] = ["RS256", "PS256", "ES256"]
    ) {
        self.issuer = issuer
        self.discoveryURL = discoveryURL
        self.clientID = clientID
        self.clientAuthentication = clientAuthentication
        self.scopes = scopes
        self.acrValues = acrValues
        self.acceptedACR = acceptedACR
        self.enforceACR = enforceACR
        self.redirectURI = redirectURI
        self.postLogoutRedirectURI = postLogoutRedirectURI
        self.trustRootsPEM = trustRootsPEM
        self.clockSkew = clockSkew
        self.requestTimeout = requestTimeout
        self.cacheLifetime = cacheLifetime
        self.staleLimit = staleLimit
        self.jwksRefetchInterval = jwksRefetchInterval
        self.allowedAlgorithms = allowedAlgorithms
    }

    enum CodingKeys: String, CodingKey {
        case issuer, discoveryURL, clientID, clientAuthentication, scopes, acrValues, acceptedACR, enforceACR
        case redirectURI, postLogoutRedirectURI, trustRootsPEM, clockSkew, requestTimeout, cacheLifetime, staleLimit
        case jwksRefetchInterval, allowedAlgorithms, prompt
    }

    public var effectiveDiscoveryURL: String {
        discoveryURL ?? issuer + "/.well-known/wallet-openid-configuration"
    }

    /// Refuses configurations that would be insecure or cannot work.
    public func validate() throws(PSCError) {
        for (name, value) in [("issuer", issuer), ("discovery", effectiveDiscoveryURL), ("redirect", redirectURI)] {
            guard let url = URL(string: value), let scheme = url.scheme, url.host != nil,
                scheme == "https" || scheme == "http"
            else { throw .configuration("\(name) URL \(value) is not an absolute http(s) URL") }
        }
        if clientID.isEmpty { throw .configuration("client id is empty") }
        if !scopes.contains("openid") { throw .configuration("scopes must contain openid") }
        let forbidden = allowedAlgorithms.filter { $0.lowercased() == "none" || $0.uppercased().hasPrefix("HS") }
        if !forbidden.isEmpty { throw .configuration("algorithms \(forbidden) are never accepted") }
        if allowedAlgorithms.isEmpty { throw .configuration("no accepted signature algorithm") }
    }
}
