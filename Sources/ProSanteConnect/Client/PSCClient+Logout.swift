import Foundation

/// Where to send the browser for RP-initiated logout, and the state to expect back.
public struct LogoutRequest: Sendable {
    public let url: String
    public let state: String
}

extension PSCClient {
    /// RP-initiated logout URL. Identifies the client by `client_id` rather than `id_token_hint` unless asked,
    /// because URLs end up in browser history and proxy logs (design.md §5: tokens never in URLs).
    public func logoutRequest(
        for session: PSCSession, postLogoutRedirectURI: String? = nil,
        includeIDTokenHint: Bool = false
    ) async throws(PSCError) -> LogoutRequest {
        let metadata = try await metadata()
        guard let endpoint = metadata.endSessionEndpoint else {
            throw .configuration("provider advertises no end_session_endpoint")
        }
        let state = Secrets.randomToken()
        var pairs: [(String, String)] = [("client_id", configuration.clientID), ("state", state)]
        if let redirect = postLogoutRedirectURI ?? configuration.postLogoutRedirectURI {
            pairs.append(("post_logout_redirect_uri", redirect))
        }
        if includeIDTokenHint, let hint = session.tokens.idToken { pairs.append(("id_token_hint", hint)) }
        let separator = endpoint.contains("?") ? "&" : "?"
        return LogoutRequest(url: endpoint + separator + FormEncoding.encode(pairs), state: state)
    }

    /// PSC may come back without `state` (psc.md §6): accepted; a different state is not.
    public func checkLogoutReturn(_ query: String, expected: LogoutRequest) throws(PSCError) {
        let callback = try CallbackParameters(query: query)
        if let state = callback.state, !Secrets.constantTimeEquals(state, expected.state) {
            throw .stateMismatch
        }
    }

    /// Server-side logout: ends the PSC session with the refresh token over the back channel (Keycloak's
    /// POST logout with client authentication), no browser involved.
    public func logout(_ session: PSCSession) async throws(PSCError) {
        let metadata = try await metadata()
        guard let endpoint = metadata.endSessionEndpoint else {
            throw .configuration("provider advertises no end_session_endpoint")
        }
        guard let refreshToken = session.tokens.refreshToken else { throw .noSession("no refresh token") }
        let reply = try await poster.post(endpoint, endpoint: "logout", form: [("refresh_token", refreshToken)])
        guard (200...299).contains(reply.status) else {
            let body = OAuthErrorBody.parse(reply)
            throw .tokenRequestFailed(
                error: body?.error ?? "logout_failed", description: body?.errorDescription, status: reply.status)
        }
    }
}
