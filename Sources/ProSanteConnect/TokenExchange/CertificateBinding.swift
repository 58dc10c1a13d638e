import Foundation

/// How the `cnf.x5t#S256` of an exchanged token matched our certificate (psc.md §7).
public enum ThumbprintEncoding: String, Sendable, Codable {
    /// RFC 8705: base64url of the raw SHA-256 digest.
    case rfc8705
    /// ANS Keycloak mapper: base64 of the lowercase or uppercase hex SHA-256.
    case ansBase64OfHex = "ans-base64-hex"
}

enum CertificateBinding {
    /// Accepts both encodings, with or without padding, standard or URL alphabet; says which one matched.
    static func match(_ claimed: String, digest: [UInt8]) -> ThumbprintEncoding? {
        let rfc = Base64URL.encode(digest)
        let normalized = claimed.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        if Secrets.constantTimeEquals(normalized, rfc) { return .rfc8705 }
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        for variant in [hex, hex.uppercased()] {
            let encoded = Base64URL.encode(Array(variant.utf8))
            if Secrets.constantTimeEquals(normalized, encoded) { return .ansBase64OfHex }
        }
        return nil
    }
}
