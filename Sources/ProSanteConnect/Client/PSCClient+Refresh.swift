import Foundation

extension PSCClient {
    /// Refresh with rotation: the answer's refresh token replaces the old one, which PSC invalidates. A new
    /// ID token, when present, must still describe the same person.
    public func refresh(_ session: PSCSession) async throws(PSCError) -> PSCSession {
        guard let refreshToken = session.tokens.refreshToken else { throw .noSession("no refresh token") }
        if let expiry = session.tokens.refreshTokenExpiresAt, expiry <= clock.now() {
            throw .noSession("refresh token expired")
        }
        let metadata = try await metadata()
        let response = try await poster.requestTokens(
            tokenEndpoint(metadata), form: [("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
        if let idToken = response.idToken {
            let claims = try await validator.validateIDToken(idToken, metadata: metadata, expectedNonce: nil)
            guard claims.sub == session.identity.federatedSubject else {
                throw .invalidToken(.malformed("refreshed ID token names another subject"))
            }
        }
        var renewed = session
        renewed.tokens = PSCTokens(response, now: clock.now(), previous: session.tokens)
        return renewed
    }
}
