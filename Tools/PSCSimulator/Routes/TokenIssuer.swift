import Foundation
import Hummingbird

extension Simulator {
    /// Issues access, refresh and ID tokens for a grant, applying any armed token-content failure.
    func issueTokens(for grant: Grant, nonce: String?, includeRefresh: Bool = true) async -> Response {
        let settings = await state.settings
        let now = await state.now()
        let generation = await state.keyGeneration
        guard let person = state.fixture.professional(grant.nationalID) else {
            return Reply.oauthError("invalid_grant", "unknown professional")
        }
        let failure = await state.takeFailure(
            "token",
            modes: [
                "badSignature", "wrongAudience", "wrongIssuer", "wrongNonce", "wrongAzp", "expired", "futureIat", "acr",
                "unknownKid", "noneAlgorithm", "missingSubjectNameID",
            ])
        let iat = now.timeIntervalSince1970.rounded(.down)
        var idClaims: [String: Any] = [
            "iss": issuer, "sub": person.sub, "aud": grant.clientID, "azp": grant.clientID,
            "iat": iat, "exp": iat + settings.idTokenLifetime, "auth_time": iat, "acr": settings.acr,
            "sid": grant.sessionID, "session_state": grant.sessionID, "typ": "ID",
            "SubjectNameID": person.nationalID, "given_name": person.givenName, "family_name": person.familyName,
            "preferred_username": person.nationalID, "amr": [grant.authenticationMethod],
        ]
        if let nonce { idClaims["nonce"] = nonce }
        var tamper = JWTSigner.Tamper.none
        switch failure?.mode {
        case "badSignature": tamper = .badSignature
        case "unknownKid": tamper = .unknownKid
        case "noneAlgorithm": tamper = .noneAlgorithm
        case "wrongAudience": idClaims["aud"] = "another-client"
        case "wrongAzp":
            idClaims["aud"] = [grant.clientID, "another-client"]
            idClaims["azp"] = "another-client"
        case "wrongIssuer": idClaims["iss"] = "https://attacker.invalid/auth/realms/esante-wallet"
        case "wrongNonce": idClaims["nonce"] = "not-the-nonce-you-sent"
        case "expired":
            idClaims["iat"] = iat - 3600
            idClaims["exp"] = iat - 1800
        case "futureIat": idClaims["iat"] = iat + 3600
        case "acr": idClaims["acr"] = failure?.value ?? "eidas-unknown"
        case "missingSubjectNameID": idClaims["SubjectNameID"] = nil
        default: break
        }
        let accessExpiry = iat + settings.accessTokenLifetime
        let accessClaims: [String: Any] = [
            "iss": issuer, "sub": person.sub, "aud": "account", "azp": grant.clientID, "typ": "Bearer",
            "iat": iat, "exp": accessExpiry, "scope": grant.scope, "sid": grant.sessionID,
            "SubjectNameID": person.nationalID, "jti": SimulatorState.randomID(12),
        ]
        do {
            let idToken = try signer.sign(
                idClaims, algorithm: settings.idTokenAlgorithm, generation: generation, tamper: tamper)
            let accessToken = try signer.sign(accessClaims, algorithm: "RS256", generation: generation, type: "JWT")
            var accessGrant = grant
            accessGrant.expiresAt = Date().addingTimeInterval(settings.accessTokenLifetime)
            await state.storeAccessToken(accessToken, grant: accessGrant)
            var body: [String: Any] = [
                "access_token": accessToken, "expires_in": Int(settings.accessTokenLifetime), "token_type": "Bearer",
                "id_token": idToken, "session_state": grant.sessionID, "scope": grant.scope,
                "not-before-policy": 0,
            ]
            if includeRefresh {
                let refreshToken = SimulatorState.randomID(32)
                var refreshGrant = grant
                refreshGrant.expiresAt = Date().addingTimeInterval(settings.refreshTokenLifetime)
                await state.storeRefreshToken(refreshToken, grant: refreshGrant)
                body["refresh_token"] = refreshToken
                body["refresh_expires_in"] = Int(settings.refreshTokenLifetime)
            }
            return Reply.json(body)
        } catch {
            return Reply.oauthError("server_error", "signing failed: \(error)", status: .internalServerError)
        }
    }
}
