extension PSCClient {
    /// Verifies an ID token PSC issued (signature via the cached JWKS and every claim check) outside a login,
    /// e.g. one kept in a session store. `nonce` nil skips the nonce check (CIBA, refresh).
    public func verifyIDToken(_ token: String, nonce: String? = nil) async throws(PSCError) -> IDTokenClaims {
        let metadata = try await metadata()
        return try await validator.validateIDToken(token, metadata: metadata, expectedNonce: nonce)
    }
}
