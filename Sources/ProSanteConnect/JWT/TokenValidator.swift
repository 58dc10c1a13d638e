import Foundation

/// Checks signatures and claims of the JWTs PSC signs (ID tokens, signed userinfo).
struct TokenValidator: Sendable {
    let configuration: PSCConfiguration
    let keys: JWKSCache
    let clock: WallClock

    /// Verifies the JWS signature against the provider's JWKS and returns the payload bytes.
    func verifiedPayload(_ token: String, jwksURI: String) async throws(PSCError) -> Data {
        let jws = try CompactJWS(token)
        let verifier = SignatureVerifier(
            allowedAlgorithms: configuration.allowedAlgorithms, keys: keys, clock: clock)
        try await verifier.verify(jws, jwksURI: jwksURI)
        return jws.payload
    }

    /// OIDC Core §3.1.3.7. `expectedNonce` nil means the flow has none (CIBA, refresh): then no check.
    func validateIDToken(_ token: String, metadata: ProviderMetadata, expectedNonce: String?)
        async throws(PSCError) -> IDTokenClaims
    {
        let payload = try await verifiedPayload(token, jwksURI: metadata.jwksURI)
        let claims = try IDTokenClaims(payload: payload)
        try check(claims, expectedNonce: expectedNonce)
        return claims
    }

    func check(_ claims: IDTokenClaims, expectedNonce: String?) throws(PSCError) {
        guard claims.iss == configuration.issuer else { throw .invalidToken(.wrongIssuer(claims.iss)) }
        guard claims.aud.contains(configuration.clientID) else { throw .invalidToken(.wrongAudience) }
        if claims.aud.count > 1 && claims.azp == nil { throw .invalidToken(.wrongAuthorizedParty) }
        if let azp = claims.azp, azp != configuration.clientID { throw .invalidToken(.wrongAuthorizedParty) }
        let now = clock.now().timeIntervalSince1970
        let skew = configuration.clockSkew
        guard claims.exp > now - skew else { throw .invalidToken(.expired) }
        guard claims.iat <= now + skew else { throw .invalidToken(.issuedInFuture) }
        if let nbf = claims.nbf, nbf > now + skew { throw .invalidToken(.notYetValid) }
        if let expectedNonce {
            guard let nonce = claims.nonce, Secrets.constantTimeEquals(nonce, expectedNonce) else {
                throw .invalidToken(.nonceMismatch)
            }
        }
        if configuration.enforceACR {
            guard let acr = claims.acr, configuration.acceptedACR.contains(acr) else {
                throw .invalidToken(.acrNotAccepted(claims.acr))
            }
        }
    }
}
