import Configuration

/// `psc:` — the Pro Santé Connect client (psc.md). Plain values: `passerelle` maps the section onto
/// `ProSanteConnect.PSCConfiguration`. Optional values left nil keep the client's own defaults, so those live in one
/// place. Secrets are never in the file nor in the environment: the client secret and the PKCS#12 passphrase are
/// read from files (`clientSecretFile`, `tls.passphraseFile`), which may themselves be given by an environment
/// variable (`PASSERELLE_PSC_CLIENT_SECRET_FILE`, e.g. a systemd credential or a mounted container secret).
public struct PSCSection: Sendable, Hashable {
    /// The token endpoint authentication methods PSC advertises that the client implements (psc.md §2).
    public enum ClientAuthentication: String, Sendable, Hashable, CaseIterable {
        case clientSecretBasic = "client_secret_basic"
        case clientSecretPost = "client_secret_post"
        case tlsClientAuth = "tls_client_auth"
    }

    public var issuer: String
    public var discoveryURL: String?
    public var clientID: String
    public var clientAuthentication: ClientAuthentication
    /// File holding the client secret (`client_secret_basic` / `client_secret_post`).
    public var clientSecretFile: String?
    /// `tls_client_auth`: IGC-Santé organisation certificate (AUTH_CLI) and the file holding its passphrase.
    public var pkcs12File: String?
    public var passphraseFile: String?
    /// PEM roots trusted for PSC's TLS; nil = system roots.
    public var trustRootsFile: String?
    public var scopes: [String]?
    public var acrValues: [String]?
    public var acceptedACR: [String]?
    public var enforceACR: Bool?
    public var redirectURI: String?
    public var postLogoutRedirectURI: String?
    public var prompt: String?
    public var allowedAlgorithms: [String]?
    public var clockSkewSeconds: Double?
    public var requestTimeoutSeconds: Double?
    public var cacheLifetimeSeconds: Double?
    public var staleLimitSeconds: Double?
    public var jwksRefetchIntervalSeconds: Double?

    public init(
        issuer: String, discoveryURL: String? = nil, clientID: String, clientAuthentication: ClientAuthentication,
        clientSecretFile: String? = nil, pkcs12File: String? = nil, passphraseFile: String? = nil,
        trustRootsFile: String? = nil
    ) {
        self.issuer = issuer
        self.discoveryURL = discoveryURL
        self.clientID = clientID
        self.clientAuthentication = clientAuthentication
        self.clientSecretFile = clientSecretFile
        self.pkcs12File = pkcs12File
        self.passphraseFile = passphraseFile
        self.trustRootsFile = trustRootsFile
    }

    static func read(_ reader: ConfigReader, baseDirectory base: String) throws(ConfigurationError) -> PSCSection? {
        let issuer = reader.string(forKey: "issuer")
        let clientID = reader.string(forKey: "clientID")
        let method = reader.string(forKey: "clientAuthentication")
        guard issuer != nil || clientID != nil || method != nil else { return nil }
        guard let issuer, !issuer.isEmpty else { throw ConfigurationError(.missingKey, "psc.issuer") }
        guard let clientID, !clientID.isEmpty else { throw ConfigurationError(.missingKey, "psc.clientID") }
        guard let method else { throw ConfigurationError(.missingKey, "psc.clientAuthentication") }
        guard let authentication = ClientAuthentication(rawValue: method) else {
            throw ConfigurationError(
                .invalidValue, "psc.clientAuthentication",
                "expected client_secret_basic, client_secret_post or tls_client_auth, got \(method)")
        }
        func path(_ key: ConfigKey) -> String? {
            reader.string(forKey: key).map { PasserelleConfiguration.resolve($0, base: base) }
        }
        var section = PSCSection(
            issuer: issuer, discoveryURL: reader.string(forKey: "discoveryURL"), clientID: clientID,
            clientAuthentication: authentication, clientSecretFile: path("clientSecretFile"),
            pkcs12File: path("tls.pkcs12"), passphraseFile: path("tls.passphraseFile"),
            trustRootsFile: path("tls.trustRoots"))
        section.scopes = reader.stringArray(forKey: "scopes")
        section.acrValues = reader.stringArray(forKey: "acrValues")
        section.acceptedACR = reader.stringArray(forKey: "acceptedACR")
        section.enforceACR = reader.bool(forKey: "enforceACR")
        section.redirectURI = reader.string(forKey: "redirectURI")
        section.postLogoutRedirectURI = reader.string(forKey: "postLogoutRedirectURI")
        section.prompt = reader.string(forKey: "prompt")
        section.allowedAlgorithms = reader.stringArray(forKey: "allowedAlgorithms")
        section.clockSkewSeconds = reader.double(forKey: "clockSkewSeconds")
        section.requestTimeoutSeconds = reader.double(forKey: "timeouts.requestSeconds")
        section.cacheLifetimeSeconds = reader.double(forKey: "cache.lifetimeSeconds")
        section.staleLimitSeconds = reader.double(forKey: "cache.staleLimitSeconds")
        section.jwksRefetchIntervalSeconds = reader.double(forKey: "cache.jwksRefetchIntervalSeconds")
        switch authentication {
        case .clientSecretBasic, .clientSecretPost:
            if section.clientSecretFile == nil { throw ConfigurationError(.missingKey, "psc.clientSecretFile") }
        case .tlsClientAuth:
            if section.pkcs12File == nil { throw ConfigurationError(.missingKey, "psc.tls.pkcs12") }
            if section.passphraseFile == nil { throw ConfigurationError(.missingKey, "psc.tls.passphraseFile") }
        }
        return section
    }
}
