/// Checks a JWS signature against a JWKS: the algorithm allow-list (never `none` or HS*), the key chosen by `kid`
/// and fitting the algorithm, then the math. Shared by PSC's ID tokens and userinfo and by the tokens a national
/// API's authorization server issues in a token exchange.
struct SignatureVerifier: Sendable {
    let allowedAlgorithms: [String]
    let keys: JWKSCache
    let clock: WallClock

    /// With a fresh JWKS that knows the `kid` this never suspends: no actor hop, no thread switch
    /// (Tools/bench/psc).
    func verify(_ jws: CompactJWS, jwksURI: String) async throws(PSCError) {
        let alg = jws.header.alg
        guard allowedAlgorithms.contains(alg), alg != "none", !alg.uppercased().hasPrefix("HS") else {
            throw .invalidToken(.unsupportedAlgorithm(alg))
        }
        let key: VerificationKey
        if let cached = keys.cachedKey(kid: jws.header.kid, alg: alg, uri: jwksURI, now: clock.now()) {
            key = cached
        } else {
            key = try await keys.key(kid: jws.header.kid, alg: alg, uri: jwksURI)
        }
        guard key.verify(signature: jws.signature, digest: jws.signingInputDigest(), alg: alg) else {
            throw .invalidToken(.badSignature)
        }
    }
}
