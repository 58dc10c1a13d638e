import Crypto
import Foundation

/// RFC 7636 with S256 only: `plain` would hand the verifier to anyone who sees the authorization URL.
struct PKCE: Sendable {
    let verifier: String
    let challenge: String

    init() {
        verifier = Secrets.randomToken()
        challenge = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
    }
}
