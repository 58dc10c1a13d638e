import Foundation

/// An access token for a national API, bound to the organisation certificate.
public struct ExchangedToken: Sendable, CustomStringConvertible {
    public let accessToken: String
    public let issuedTokenType: String?
    public let expiresAt: Date
    public let thumbprintEncoding: ThumbprintEncoding

    public var description: String {
        "ExchangedToken(<redacted>, until \(expiresAt), cnf as \(thumbprintEncoding.rawValue))"
    }
}

/// RFC 8693 token exchange at the target service's authorization server, over mTLS (psc.md §7).
public final class TokenExchanger: Sendable {
    public let configuration: TokenExchangeConfiguration
    private let transport: HTTPTransport
    /// SHA-256 of our certificate, what `cnf.x5t#S256` must encode.
    let thumbprint: [UInt8]
    private let clock: WallClock
    private let signatures: SignatureVerifier?

    public init(configuration: TokenExchangeConfiguration, clock: WallClock = .system) throws(PSCError) {
        self.configuration = configuration
        let identity = try TLSIdentity(pkcs12Path: configuration.pkcs12Path, passphrase: configuration.pkcs12Passphrase)
        self.thumbprint = try identity.leafThumbprint()
        let transport = try HTTPTransport(
            trustRootsPEM: configuration.trustRootsPEM, identity: identity, timeout: configuration.requestTimeout)
        self.transport = transport
        self.clock = clock
        if configuration.jwksURI != nil {
            // The authorization server's keys, cached like PSC's: an hour, refetch on unknown kid at most every
            // 10 s, a stale copy for a day while it is unreachable.
            let keys = JWKSCache(
                lifetime: 3600, staleLimit: 86_400, refetchInterval: 10, transport: transport, clock: clock)
            signatures = SignatureVerifier(allowedAlgorithms: ["RS256", "PS256", "ES256"], keys: keys, clock: clock)
        } else {
            signatures = nil
        }
    }

    public func shutdown() async {
        await transport.shutdown()
    }

    public func exchange(_ session: PSCSession) async throws(PSCError) -> ExchangedToken {
        let type = "urn:ietf:params:oauth:token-type:" + configuration.subjectTokenType
        var form: [(String, String)] = [
            ("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"),
            ("client_id", configuration.clientID),
            ("subject_token", session.tokens.accessToken),
            ("subject_token_type", type),
        ]
        if let scope = configuration.scope { form.append(("scope", scope)) }
        if let audience = configuration.audience { form.append(("audience", audience)) }
        let poster = transport
        let reply = try await poster.postForm(configuration.tokenEndpoint, endpoint: "token-exchange", form: form)
        guard reply.status == 200 else {
            let body = OAuthErrorBody.parse(reply)
            throw .tokenRequestFailed(
                error: body?.error ?? "token_exchange_failed", description: body?.errorDescription,
                status: reply.status)
        }
        let response: TokenResponse
        do {
            response = try JSONDecoder().decode(TokenResponse.self, from: reply.body)
        } catch {
            throw .malformedResponse(endpoint: "token-exchange", detail: "\(error)")
        }
        let encoding = try await checkExchangedToken(response.accessToken)
        return ExchangedToken(
            accessToken: response.accessToken, issuedTokenType: response.issuedTokenType,
            expiresAt: clock.now().addingTimeInterval(response.expiresIn ?? 3600), thumbprintEncoding: encoding)
    }

    /// With a JWKS configured: signature, `iss` and `exp`, so that a token nobody trustworthy issued is refused
    /// here. Always: the binding to our certificate, so a misconfigured AS is caught here rather than as an opaque
    /// 401 from the API later.
    func checkExchangedToken(_ token: String) async throws(PSCError) -> ThumbprintEncoding {
        struct Claims: Decodable {
            struct Confirmation: Decodable {
                var x5t: String?
                enum CodingKeys: String, CodingKey { case x5t = "x5t#S256" }
            }
            var cnf: Confirmation?
            var iss: String?
            var exp: Double?
        }
        let jws: CompactJWS
        do {
            jws = try CompactJWS(token)
        } catch {
            throw .certificateBindingMismatch("exchanged token is not a JWT")
        }
        let claims = try? JSONDecoder().decode(Claims.self, from: jws.payload)
        if let signatures, let jwksURI = configuration.jwksURI {
            try await signatures.verify(jws, jwksURI: jwksURI)
            if let issuer = configuration.issuer, claims?.iss != issuer {
                throw .invalidToken(.wrongIssuer(claims?.iss ?? "<none>"))
            }
            guard let exp = claims?.exp else { throw .invalidToken(.missingClaim("exp")) }
            guard exp > clock.now().timeIntervalSince1970 - (configuration.clockSkew ?? 60) else {
                throw .invalidToken(.expired)
            }
        }
        guard let x5t = claims?.cnf?.x5t else { throw .certificateBindingMismatch("no cnf.x5t#S256 claim") }
        guard let encoding = CertificateBinding.match(x5t, digest: thumbprint) else {
            throw .certificateBindingMismatch("thumbprint does not match the client certificate")
        }
        return encoding
    }
}
