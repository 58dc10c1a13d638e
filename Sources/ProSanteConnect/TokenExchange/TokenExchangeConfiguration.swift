/// The national API's authorization server (not PSC) and the organisation certificate used with it.
public struct TokenExchangeConfiguration: Sendable, Codable, Equatable {
    public var tokenEndpoint: String
    public var clientID: String
    public var pkcs12Path: String
    public var pkcs12Passphrase: String
    public var trustRootsPEM: String?
    public var scope: String?
    public var audience: String?
    /// `access_token` (default) or `jwt`.
    public var subjectTokenType: String
    public var requestTimeout: Double
    /// The authorization server's JWKS. When set, the exchanged token's signature is verified against it (with
    /// `issuer` and `exp`) before it is used; when nil only its `cnf` binding is checked and the API alone
    /// verifies it.
    public var jwksURI: String?
    /// The `iss` the exchanged token must carry (checked when `jwksURI` is set and this is not nil).
    public var issuer: String?
    /// Allowed difference between our clock and the authorization server's when checking `exp`, in seconds
    /// (nil: 60). Optional so that configurations written before it still decode.
    public var clockSkew: Double?

    public init(
        tokenEndpoint: String, clientID: String, pkcs12Path: String, pkcs12Passphrase: String,
        trustRootsPEM: String? = nil, scope: String? = nil, audience: String? = nil,
        subjectTokenType: String = "access_token", requestTimeout: Double = 10, jwksURI: String? = nil,
        issuer: String? = nil, clockSkew: Double? = nil
    ) {
        self.tokenEndpoint = tokenEndpoint
        self.clientID = clientID
        self.pkcs12Path = pkcs12Path
        self.pkcs12Passphrase = pkcs12Passphrase
        self.trustRootsPEM = trustRootsPEM
        self.scope = scope
        self.audience = audience
        self.subjectTokenType = subjectTokenType
        self.requestTimeout = requestTimeout
        self.jwksURI = jwksURI
        self.issuer = issuer
        self.clockSkew = clockSkew
    }
}
