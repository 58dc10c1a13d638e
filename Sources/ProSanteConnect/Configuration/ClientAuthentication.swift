/// How the client proves its identity to PSC's token, CIBA, introspection and logout endpoints (psc.md §2).
public enum ClientAuthentication: Sendable, Equatable, Codable {
    case clientSecretBasic(secret: String)
    case clientSecretPost(secret: String)
    /// mTLS with an IGC-Santé organisation certificate; the PKCS#12 holds key + chain.
    case tlsClientAuth(pkcs12Path: String, passphrase: String)

    private enum CodingKeys: String, CodingKey {
        case method, secret, pkcs12, passphrase
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let method = try container.decode(String.self, forKey: .method)
        switch method {
        case "client_secret_basic":
            self = .clientSecretBasic(secret: try container.decode(String.self, forKey: .secret))
        case "client_secret_post":
            self = .clientSecretPost(secret: try container.decode(String.self, forKey: .secret))
        case "tls_client_auth":
            self = .tlsClientAuth(
                pkcs12Path: try container.decode(String.self, forKey: .pkcs12),
                passphrase: try container.decode(String.self, forKey: .passphrase)
            )
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .method, in: container, debugDescription: "unsupported client authentication \(method)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(methodName, forKey: .method)
        switch self {
        case .clientSecretBasic(let secret), .clientSecretPost(let secret):
            try container.encode(secret, forKey: .secret)
        case .tlsClientAuth(let path, let passphrase):
            try container.encode(path, forKey: .pkcs12)
            try container.encode(passphrase, forKey: .passphrase)
        }
    }

    public var methodName: String {
        switch self {
        case .clientSecretBasic: "client_secret_basic"
        case .clientSecretPost: "client_secret_post"
        case .tlsClientAuth: "tls_client_auth"
        }
    }

    var usesMutualTLS: Bool {
        if case .tlsClientAuth = self { return true }
        return false
    }
}
