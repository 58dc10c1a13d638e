import Foundation
import ProSanteConnect

/// Compact JWS (RFC 7515) with ES256 over the store's active key: ID tokens and logout tokens.
struct JWSSigner: Sendable {
    let keys: SigningKeyStore

    /// `claims` must be JSON-serialisable; `type` is the `typ` header (`JWT`, `logout+jwt`).
    func sign(_ claims: [String: Any], type: String = "JWT") throws(BrokerError) -> String {
        let key = keys.activeKey
        let header: [String: Any] = ["alg": "ES256", "kid": key.kid, "typ": type]
        do {
            let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
            let head = Base64URL.encode(try JSONSerialization.data(withJSONObject: header, options: options))
            let body = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims, options: options))
            let input = head + "." + body
            return input + "." + Base64URL.encode(try key.sign(Data(input.utf8)))
        } catch {
            throw .configuration("cannot sign a token: \(error)")
        }
    }
}
