import Foundation
import Hummingbird

/// Who is calling the token or CIBA endpoint: `client_secret_basic` for confidential apps, `client_id` alone
/// (with PKCE) for public ones. `client_secret_post` is refused on purpose (secrets stay out of bodies).
extension OpenIDProvider {
    func authenticateClient(_ request: Request, form: FormBody, crossOrigin: String?) throws(OAuthError)
        -> AppRegistration
    {
        let app: AppRegistration
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("basic ") {
            guard let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            else { throw .invalidClient("malformed Basic authorization") }
            // RFC 6749 §2.3.1: both halves are form-urlencoded before base64.
            let id = String(text[..<colon]).removingPercentEncoding ?? ""
            let secret = String(text[text.index(after: colon)...]).removingPercentEncoding ?? ""
            guard let found = registry.app(id), found.kind == .confidential, let hash = found.secretHash,
                SecretHash.verify(secret, against: hash)
            else {
                audit.record("client.authentication-failed", ["client": id])
                throw .invalidClient("client authentication failed")
            }
            if let formID = form["client_id"], formID != id { throw .invalidClient("client_id differs from Basic") }
            app = found
        } else {
            if form["client_secret"] != nil {
                throw .invalidClient("client_secret_post is not supported; use client_secret_basic")
            }
            guard let id = form["client_id"], let found = registry.app(id) else {
                throw .invalidClient("unknown client")
            }
            guard found.kind == .public else { throw .invalidClient("confidential client must authenticate") }
            app = found
        }
        if let crossOrigin, !app.origins.contains(crossOrigin) {
            throw OAuthError(error: "invalid_client", description: "origin not registered for this client", status: 403)
        }
        return app
    }
}
