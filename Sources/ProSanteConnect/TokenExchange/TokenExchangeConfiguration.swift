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

    public init(
        tokenEndpoint: String, clientID: String, pkcs12Path: String, pkcs12Passphrase: String,
        trustRootsPEM: String? = nil, scope: String? = nil, audience: String? = nil,
        subjectTokenType: String = "access_token", requestTimeout: Double = 10
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
    }
}
