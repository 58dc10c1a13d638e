import Foundation

/// Builds the token endpoint's answer: opaque access token, rotated refresh token, ES256 ID token.
extension OpenIDProvider {
    struct IssuedTokens {
        let body: [String: Any]
        let familyID: String
    }

    func issueTokens(
        for session: SSOSession, clientID: String, scopes: [String], nonce: String?, familyID: String? = nil,
        withIDToken: Bool = true
    ) throws(BrokerError) -> IssuedTokens {
        let now = clock.now()
        let lifetimes = settings.tokens
        let issued = tokens.issue(
            clientID: clientID, sessionID: session.id, subject: session.subject, scopes: scopes,
            accessExpiresAt: now.addingTimeInterval(lifetimes.accessToken),
            refreshExpiresAt: now.addingTimeInterval(lifetimes.refreshToken), familyID: familyID)
        var body: [String: Any] = [
            "access_token": issued.access, "token_type": "Bearer", "expires_in": Int(lifetimes.accessToken),
            "scope": scopes.joined(separator: " "),
        ]
        if let refresh = issued.refresh {
            body["refresh_token"] = refresh
            body["refresh_expires_in"] = Int(lifetimes.refreshToken)
        }
        if withIDToken && scopes.contains("openid") {
            body["id_token"] = try idToken(for: session, clientID: clientID, scopes: scopes, nonce: nonce, now: now)
        }
        return IssuedTokens(body: body, familyID: issued.familyID)
    }

    /// OIDC Core §2: `sub` is the SubjectNameID (national id), never PSC's federated `sub`.
    func idToken(for session: SSOSession, clientID: String, scopes: [String], nonce: String?, now: Date)
        throws(BrokerError) -> String
    {
        var claims: [String: Any] = [
            "iss": issuer, "sub": session.subject, "aud": clientID, "azp": clientID,
            "iat": Int(now.timeIntervalSince1970),
            "exp": Int(now.addingTimeInterval(settings.tokens.idToken).timeIntervalSince1970),
            "auth_time": Int(session.authTime.timeIntervalSince1970), "acr": session.acr, "amr": session.amr,
            "sid": session.id, "jti": Secrets.token(),
        ]
        if let nonce { claims["nonce"] = nonce }
        if scopes.contains("profile") {
            for (name, value) in profileClaims(session) { claims[name] = value }
        }
        return try signer.sign(claims)
    }

    /// Names, profession and the chosen situation d'exercice (`profile` scope).
    func profileClaims(_ session: SSOSession) -> [String: Any] {
        var claims: [String: Any] = ["SubjectNameID": session.subject, "login_method": session.method.rawValue]
        if let given = session.givenName { claims["given_name"] = given }
        if let family = session.familyName { claims["family_name"] = family }
        let name = [session.givenName, session.familyName].compactMap { $0 }.joined(separator: " ")
        if !name.isEmpty { claims["name"] = name }
        if let situation = session.situation {
            if let profession = situation.codeProfession { claims["profession"] = profession }
            claims["situation_exercice"] = situation.claim
        }
        return claims
    }
}
