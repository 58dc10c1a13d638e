import Foundation

/// Form posts to client-authenticated endpoints (token, CIBA, introspection, logout).
struct AuthenticatedPoster: Sendable {
    let configuration: PSCConfiguration
    let transport: HTTPTransport

    func post(_ url: String, endpoint: String, form: [(String, String)]) async throws(PSCError) -> HTTPReply {
        var form = form
        var headers: [(String, String)] = []
        switch configuration.clientAuthentication {
        case .clientSecretBasic(let secret):
            // RFC 6749 §2.3.1: both parts are form-encoded before base64.
            let pair = FormEncoding.escape(configuration.clientID) + ":" + FormEncoding.escape(secret)
            headers.append(("Authorization", "Basic " + Data(pair.utf8).base64EncodedString()))
        case .clientSecretPost(let secret):
            form.append(("client_id", configuration.clientID))
            form.append(("client_secret", secret))
        case .tlsClientAuth:
            form.append(("client_id", configuration.clientID))
        }
        return try await transport.postForm(url, endpoint: endpoint, form: form, headers: headers)
    }

    /// Posts a grant and decodes the token response, turning OAuth errors into `tokenRequestFailed`.
    func requestTokens(_ url: String, form: [(String, String)]) async throws(PSCError) -> TokenResponse {
        let reply = try await post(url, endpoint: "token", form: form)
        guard reply.status == 200 else {
            if let body = OAuthErrorBody.parse(reply) {
                throw .tokenRequestFailed(error: body.error, description: body.errorDescription, status: reply.status)
            }
            throw .malformedResponse(endpoint: "token", detail: "HTTP \(reply.status) without an OAuth error body")
        }
        do {
            return try JSONDecoder().decode(TokenResponse.self, from: reply.body)
        } catch {
            throw .malformedResponse(endpoint: "token", detail: "\(error)")
        }
    }
}
