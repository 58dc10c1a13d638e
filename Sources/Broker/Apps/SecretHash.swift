import Crypto
import Foundation
import ProSanteConnect

/// Client secrets at rest: `sha256$<salt>$<digest>` (base64url). The secrets are 256-bit random values the broker
/// generates itself, so a salted SHA-256 cannot be brute-forced and a slow KDF would only slow the token endpoint.
public enum SecretHash {
    /// A new secret (shown once) and its stored form.
    public static func generate() -> (secret: String, hash: String) {
        let secret = "pas_" + Secrets.token()
        return (secret, hash(secret))
    }

    public static func hash(_ secret: String) -> String {
        let salt = Secrets.token()
        return "sha256$\(salt)$\(digest(secret, salt: salt))"
    }

    public static func verify(_ secret: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 3, parts[0] == "sha256" else { return false }
        return Secrets.constantTimeEquals(digest(secret, salt: parts[1]), parts[2])
    }

    private static func digest(_ secret: String, salt: String) -> String {
        Base64URL.encode(SHA256.hash(data: Data((salt + "$" + secret).utf8)))
    }
}
