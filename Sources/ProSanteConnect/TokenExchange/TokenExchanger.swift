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
    private let thumbprint: [UInt8]
    private let clock: WallClock

    public init(configuration: TokenExchangeConfiguration, clock: WallClock = .system) throws(PSCError) {
        self.configuration = configuration
        let identity = try TLSIdentity(pkcs12Path: configuration.pkcs12Path, passphrase: configuration.pkcs12Passphrase)
        self.thumbprint = try identity.leafThumbprint()
        self.transport = try HTTPTransport(
            trustRootsPEM: configuration.trustRootsPEM, identity: identity, timeout: configuration.requestTimeout)
        self.clock = clock
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
        let encoding = try checkBinding(response.accessToken)
        return ExchangedToken(
            accessToken: response.accessToken, issuedTokenType: response.issuedTokenType,
            expiresAt: clock.now().addingTimeInterval(response.expiresIn ?? 3600), thumbprintEncoding: encoding)
    }

    /// The API verifies the token's signature; we check that it is bound to our certificate before using it,
    /// so a misconfigured AS is caught here rather than as an opaque 401 later.
    private func checkBinding(_ token: String) throws(PSCError) -> ThumbprintEncoding {
        struct Claims: Decodable {
            struct Confirmation: Decodable {
                var x5t: String?
                enum CodingKeys: String, CodingKey { case x5t = "x5t#S256" }
            }
            var cnf: Confirmation?
        }
        let jws: CompactJWS
        do {
            jws = try CompactJWS(token)
        } catch {
            throw .certificateBindingMismatch("exchanged token is not a JWT")
        }
        guard let claims = try? JSONDecoder().decode(Claims.self, from: jws.payload), let x5t = claims.cnf?.x5t else {
            throw .certificateBindingMismatch("no cnf.x5t#S256 claim")
        }
        guard let encoding = CertificateBinding.match(x5t, digest: thumbprint) else {
            throw .certificateBindingMismatch("thumbprint does not match the client certificate")
        }
        return encoding
    }
}
