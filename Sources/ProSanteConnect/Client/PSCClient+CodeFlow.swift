import Foundation

extension PSCClient {
    /// Starts a browser login: returns the URL to open. `redirectURI` overrides the configured one (the CLI
    /// passes the loopback URI with the port it actually got).
    public func beginLogin(redirectURI: String? = nil) async throws(PSCError) -> AuthorizationRequest {
        let metadata = try await metadata()
        if let methods = metadata.codeChallengeMethodsSupported, !methods.contains("S256") {
            throw .configuration("provider does not support PKCE S256")
        }
        let redirect = redirectURI ?? configuration.redirectURI
        let pkce = PKCE()
        let state = Secrets.randomToken()
        let nonce = Secrets.randomToken()
        var pairs: [(String, String)] = [
            ("response_type", "code"),
            ("client_id", configuration.clientID),
            ("redirect_uri", redirect),
            ("scope", configuration.scopes.joined(separator: " ")),
            ("state", state),
            ("nonce", nonce),
            ("code_challenge", pkce.challenge),
            ("code_challenge_method", "S256"),
        ]
        if !configuration.acrValues.isEmpty {
            pairs.append(("acr_values", configuration.acrValues.joined(separator: " ")))
        }
        if let prompt = configuration.prompt { pairs.append(("prompt", prompt)) }
        let separator = metadata.authorizationEndpoint.contains("?") ? "&" : "?"
        let request = AuthorizationRequest(
            url: metadata.authorizationEndpoint + separator + FormEncoding.encode(pairs),
            state: state, nonce: nonce, codeVerifier: pkce.verifier, redirectURI: redirect, createdAt: clock.now())
        await pending.insert(request)
        return request
    }

    /// Handles the redirect back: state (single use), RFC 9207 `iss`, code exchange, ID token, userinfo.
    public func completeLogin(_ callback: CallbackParameters) async throws(PSCError) -> PSCSession {
        guard let state = callback.state, let request = await pending.take(state: state, now: clock.now()) else {
            throw .stateMismatch
        }
        let metadata = try await metadata()
        if metadata.authorizationResponseIssParameterSupported == true || callback.iss != nil {
            guard callback.iss == metadata.issuer else { throw .issuerMismatch(callback.iss) }
        }
        if let error = callback.error {
            logger.info("authorization refused", metadata: ["error": "\(error)"])
            throw .authorizationRefused(error: error, description: callback.errorDescription)
        }
        guard let code = callback.code, !code.isEmpty else {
            throw .malformedResponse(endpoint: "callback", detail: "neither code nor error")
        }
        let response = try await poster.requestTokens(
            tokenEndpoint(metadata),
            form: [
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", request.redirectURI),
                ("code_verifier", request.codeVerifier),
            ])
        return try await makeSession(response, metadata: metadata, nonce: request.nonce, method: "browser")
    }

    /// Validates the ID token, reads userinfo and builds the session. Nothing is returned unless all holds.
    func makeSession(_ response: TokenResponse, metadata: ProviderMetadata, nonce: String?, method: String)
        async throws(PSCError) -> PSCSession
    {
        guard let idToken = response.idToken else { throw .invalidToken(.missingClaim("id_token")) }
        let claims = try await validator.validateIDToken(idToken, metadata: metadata, expectedNonce: nonce)
        let userInfo = try await fetchUserInfo(accessToken: response.accessToken, metadata: metadata)
        if let userInfo, let sub = userInfo.sub, sub != claims.sub {
            throw .invalidUserInfo("userinfo sub differs from the ID token's")
        }
        let nameID = claims.subjectNameID ?? userInfo?.subjectNameID
        guard let nameID, !nameID.isEmpty else { throw .invalidUserInfo("SubjectNameID is missing") }
        if let other = userInfo?.subjectNameID, other != nameID {
            throw .invalidUserInfo("SubjectNameID differs between ID token and userinfo")
        }
        let now = clock.now()
        let identity = PSCIdentity(
            subjectNameID: nameID,
            givenName: userInfo?.givenName,
            familyName: userInfo?.familyName,
            acr: claims.acr,
            authTime: claims.authTime.map { Date(timeIntervalSince1970: $0) },
            federatedSubject: claims.sub,
            userInfo: userInfo)
        logger.info("PSC login", metadata: ["method": "\(method)", "acr": "\(claims.acr ?? "-")"])
        return PSCSession(identity: identity, tokens: PSCTokens(response, now: now), method: method, createdAt: now)
    }
}
