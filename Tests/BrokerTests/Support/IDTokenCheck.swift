import Crypto
import Foundation

/// Verifies an ES256 JWS against a JWKS document, the way a relying party would, and returns its claims.
enum IDTokenCheck {
    static func verify(_ token: String, jwks: [String: Any]) throws -> [String: Any] {
        let parts = token.split(separator: ".").map(String.init)
        guard parts.count == 3, let header = decodeJSON(parts[0]), header["alg"] as? String == "ES256",
            let kid = header["kid"] as? String,
            let keys = jwks["keys"] as? [[String: Any]], let jwk = keys.first(where: { $0["kid"] as? String == kid }),
            let x = (jwk["x"] as? String).flatMap(decode), let y = (jwk["y"] as? String).flatMap(decode),
            let signature = decode(parts[2])
        else { throw HarnessError("malformed token or unknown kid") }
        let key = try P256.Signing.PublicKey(rawRepresentation: x + y)
        let valid = key.isValidSignature(
            try P256.Signing.ECDSASignature(rawRepresentation: signature), for: Data((parts[0] + "." + parts[1]).utf8))
        guard valid, let claims = decodeJSON(parts[1]) else { throw HarnessError("bad signature") }
        return claims
    }

    static func decode(_ text: String) -> Data? {
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        return Data(base64Encoded: base)
    }

    static func decodeJSON(_ text: String) -> [String: Any]? {
        decode(text).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }
}
