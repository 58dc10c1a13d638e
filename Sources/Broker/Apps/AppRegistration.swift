import Foundation

/// One local application allowed to log in through the broker.
public struct AppRegistration: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// Holds a secret (server-side LGC): `client_secret_basic` at the token endpoint.
        case confidential
        /// Cannot keep a secret (native or browser app): no client authentication, PKCE is the proof.
        case `public`
    }

    public enum Source: String, Sendable, Codable {
        case configuration
        case cli
    }

    public var clientID: String
    public var name: String
    public var kind: Kind
    public var redirectURIs: [String]
    /// Browser origins allowed to call the broker for this app (CORS), e.g. `http://127.0.0.1:5173`.
    public var origins: [String]
    /// Scopes the app may obtain; `openid` is always allowed.
    public var scopes: [String]
    /// OIDC back-channel logout receiver, if the app wants one.
    public var backchannelLogoutURI: String?
    /// May use `/oidc/ciba` (native apps without a browser).
    public var allowCIBA: Bool
    /// `SecretHash` text form; nil for public apps. The secret itself is never stored.
    public var secretHash: String?
    public var source: Source
    public var createdAt: Date

    public init(
        clientID: String, name: String, kind: Kind, redirectURIs: [String], origins: [String] = [],
        scopes: [String] = ["openid", "profile"], backchannelLogoutURI: String? = nil, allowCIBA: Bool = false,
        secretHash: String? = nil, source: Source = .cli, createdAt: Date = Date()
    ) {
        self.clientID = clientID
        self.name = name
        self.kind = kind
        self.redirectURIs = redirectURIs
        self.origins = origins
        self.scopes = scopes
        self.backchannelLogoutURI = backchannelLogoutURI
        self.allowCIBA = allowCIBA
        self.secretHash = secretHash
        self.source = source
        self.createdAt = createdAt
    }

    /// Checks shape and safety: redirect URIs absolute without fragment, http only on loopback, origins bare.
    public func validate() throws(BrokerError) {
        guard clientID.range(of: "^[A-Za-z0-9._-]{1,64}$", options: .regularExpression) != nil else {
            throw .invalidRegistration("client id must be 1-64 characters among A-Z a-z 0-9 . _ -")
        }
        if redirectURIs.isEmpty && !allowCIBA { throw .invalidRegistration("no redirect URI") }
        for uri in redirectURIs {
            guard let url = URLComponents(string: uri), let scheme = url.scheme, url.host != nil, url.fragment == nil
            else { throw .invalidRegistration("redirect URI \(uri) is not absolute or has a fragment") }
            if scheme == "http" && !RedirectMatcher.isLoopback(url.host ?? "") {
                throw .invalidRegistration("http redirect URI \(uri) must be on loopback")
            }
        }
        for origin in origins {
            guard let url = URLComponents(string: origin), url.host != nil, url.path.isEmpty, url.query == nil,
                origin != "*"
            else { throw .invalidRegistration("origin \(origin) must be scheme://host[:port]") }
        }
        if let uri = backchannelLogoutURI, URLComponents(string: uri)?.host == nil {
            throw .invalidRegistration("back-channel logout URI \(uri) is not absolute")
        }
        if kind == .confidential && secretHash == nil { throw .invalidRegistration("confidential app without secret") }
        if kind == .public && secretHash != nil { throw .invalidRegistration("public app with a secret") }
    }

    /// Scopes granted for a request: the requested ones, all of them allowed, `openid` required.
    func grant(_ requested: [String]) throws(OAuthError) -> [String] {
        guard requested.contains("openid") else { throw .invalidScope("openid is required") }
        let allowed = Set(scopes + ["openid"])
        let refused = requested.filter { !allowed.contains($0) }
        guard refused.isEmpty else {
            throw .invalidScope("scopes not allowed for this app: \(refused.joined(separator: " "))")
        }
        var seen = Set<String>()
        return requested.filter { seen.insert($0).inserted }
    }
}

extension AppRegistration {
    /// The administrator's apps file: a JSON list with `client_id`, `name`, `kind`, `redirect_uris`, `origins`,
    /// `scopes`, `backchannel_logout_uri`, `allow_ciba` and, for confidential apps, `secret_hash`
    /// (`SecretHash` form, never the secret).
    public static func decodeList(_ data: Data) throws(BrokerError) -> [AppRegistration] {
        struct Entry: Decodable {
            var input: AdminAppInput
            var secretHash: String?
            enum CodingKeys: String, CodingKey { case secretHash = "secret_hash" }
            init(from decoder: any Decoder) throws {
                input = try AdminAppInput(from: decoder)
                secretHash = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(
                    String.self, forKey: .secretHash)
            }
        }
        do {
            return try JSONDecoder().decode([Entry].self, from: data).map { entry in
                var app = entry.input.registration
                app.secretHash = entry.secretHash
                app.source = .configuration
                return app
            }
        } catch {
            throw .invalidRegistration("apps file: \(error)")
        }
    }
}
