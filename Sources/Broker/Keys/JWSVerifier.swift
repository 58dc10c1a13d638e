import Crypto
import Foundation
import ProSanteConnect

extension SigningKeyStore {
    /// Claims of a JWS this broker signed with one of its published keys (an `id_token_hint`), nil otherwise.
    /// Expiry is not checked: OIDC RP-initiated logout accepts an expired hint.
    func verifiedClaims(_ token: String) -> [String: Any]? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let headerData = Base64URL.decode(parts[0]),
            let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
            header["alg"] as? String == "ES256", let kid = header["kid"] as? String,
            let jwk = publishedKey(kid), let signature = Base64URL.decode(parts[2]),
            let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature),
            jwk.isValidSignature(ecdsa, for: Data((parts[0] + "." + parts[1]).utf8)),
            let body = Base64URL.decode(parts[1]),
            let claims = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return nil }
        return claims
    }
}
