import Foundation
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
        let profile = grant.scopes.contains("profile")
        let key = "\(session.id)|\(profile)|\(session.situation != nil)"
        if let cached = userinfoCache.withLock({ $0[key] }) {
            return Replies.raw(cached, contentType: "application/json")
        }
        var claims: [String: Any] = ["sub": session.subject, "acr": session.acr, "amr": session.amr]
        if profile {
            for (name, value) in profileClaims(session) { claims[name] = value }
        }
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: claims, options: options) else {
            throw .unauthorized("claims cannot be encoded")
        }
        // The document only changes with the session or its situation: encode it once (userinfo is the hot path).
        userinfoCache.withLock { cache in
            if cache.count > 32 { cache = [:] }
            cache[key] = data
        }
        return Replies.raw(data, contentType: "application/json")
    }
}
