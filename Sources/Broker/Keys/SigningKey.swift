import Crypto
import Foundation
import ProSanteConnect

/// One ES256 key of the broker. The private half stays in the 0600 key file and in memory.
/// Unchecked: swift-crypto 3 does not mark its key types `Sendable`; the key is immutable once made.
struct SigningKey: @unchecked Sendable {
    let kid: String
    let createdAt: Date
    let privateKey: P256.Signing.PrivateKey

    static func generate(now: Date) -> SigningKey {
        let key = P256.Signing.PrivateKey()
        return SigningKey(kid: thumbprint(key.publicKey), createdAt: now, privateKey: key)
    }

    /// RFC 7638 thumbprint: a kid that is stable, unique and derived from the key alone.
    static func thumbprint(_ key: P256.Signing.PublicKey) -> String {
        let (x, y) = coordinates(key)
        let canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"\(x)\",\"y\":\"\(y)\"}"
        return Base64URL.encode(SHA256.hash(data: Data(canonical.utf8)))
    }

    static func coordinates(_ key: P256.Signing.PublicKey) -> (x: String, y: String) {
        let raw = key.rawRepresentation
        return (Base64URL.encode(raw.prefix(32)), Base64URL.encode(raw.suffix(32)))
    }

    /// The public JWK (RFC 7517) published at `/oidc/jwks`.
    var publicJWK: [String: String] {
        let (x, y) = Self.coordinates(privateKey.publicKey)
        return ["kty": "EC", "crv": "P-256", "x": x, "y": y, "kid": kid, "use": "sig", "alg": "ES256"]
    }

    func sign(_ input: Data) throws -> Data {
        try privateKey.signature(for: input).rawRepresentation
    }
}
