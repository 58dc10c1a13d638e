import Hummingbird

extension OpenIDProvider {
    /// Resolves the bearer token: known, unexpired, its session active and unlocked, its app's origin if any.
    func authenticate(_ request: Request, crossOrigin: String?) throws(BrokerError) -> AccessGrant {
        guard let header = request.headers[.authorization], header.count > 7,
            header.prefix(7).lowercased() == "bearer "
        else { throw .unauthorized("no bearer token") }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let grant = tokens.accessGrant(token, now: clock.now()) else {
            throw .unauthorized("unknown, expired or revoked token")
        }
        guard sessions.isActive(grant.sessionID, touch: true) else {
            throw .unauthorized("session ended or locked")
        }
        if let crossOrigin {
            guard registry.app(grant.clientID)?.origins.contains(crossOrigin) == true else {
                throw .originNotAllowed(crossOrigin)
            }
        }
        return grant
    }

    /// `GET|POST /oidc/userinfo` (OIDC Core §5.3); `openid` scope checked by `RequireScope`.
    func userinfo(_ context: BrokerRequestContext) throws(BrokerError) -> Response {
        guard let grant = context.grant, let session = sessions.active(), session.id == grant.sessionID else {
            throw .unauthorized("session ended")
        }
        var claims: [String: Any] = ["sub": session.subject, "acr": session.acr, "amr": session.amr]
        if grant.scopes.contains("profile") {
            for (name, value) in profileClaims(session) { claims[name] = value }
        }
        return Replies.json(claims)
    }
}
