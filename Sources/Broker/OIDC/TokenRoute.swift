import Crypto
import Foundation
import Hummingbird
import ProSanteConnect

extension OpenIDProvider {
    static let cibaGrant = "urn:openid:params:grant-type:ciba"

    /// `POST /oidc/token`: authorization_code (PKCE), refresh_token (rotation, reuse revokes the family), CIBA poll.
    func token(_ request: Request, context: BrokerRequestContext) async throws(OAuthError) -> Response {
        var request = request
        let form: FormBody
        do {
            form = FormBody(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        } catch {
            throw .invalidRequest("unreadable body")
        }
        guard form.duplicates.isEmpty else { throw .invalidRequest("duplicate parameters") }
        let app = try authenticateClient(request, form: form, crossOrigin: context.crossOrigin)
        let body: [String: Any]
        switch form["grant_type"] {
        case "authorization_code": body = try exchangeCode(form, app: app)
        case "refresh_token": body = try refresh(form, app: app)
        case Self.cibaGrant: body = try await pollCIBA(form, app: app)
        case nil: throw .invalidRequest("grant_type is missing")
        default: throw .unsupportedGrantType("grant_type not supported")
        }
        return Replies.json(body)
    }

    private func exchangeCode(_ form: FormBody, app: AppRegistration) throws(OAuthError) -> [String: Any] {
        guard let code = form["code"] else { throw .invalidRequest("code is missing") }
        guard let verifier = form["code_verifier"] else { throw .invalidRequest("code_verifier is missing (PKCE)") }
        guard let redirectURI = form["redirect_uri"] else { throw .invalidRequest("redirect_uri is missing") }
        let grant: AuthorizationGrant
        switch codes.redeem(code, now: clock.now()) {
        case .unknown:
            throw .invalidGrant("unknown or expired code")
        case .replayed(let family):
            if let family { tokens.revokeFamily(family) }
            audit.record("token.code-replay", ["client": app.clientID])
            logger.warning("authorization code replayed: tokens issued from it revoked")
            throw .invalidGrant("code already used")
        case .valid(let valid):
            grant = valid
        }
        guard grant.clientID == app.clientID else { throw .invalidGrant("code was issued to another client") }
        guard grant.redirectURI == redirectURI else { throw .invalidGrant("redirect_uri differs from the request's") }
        guard verifier.count >= 43, verifier.count <= 128,
            verifier.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._~".contains($0)) })
        else { throw .invalidGrant("code_verifier is malformed") }
        let computed = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        guard Secrets.constantTimeEquals(computed, grant.codeChallenge) else {
            throw .invalidGrant("PKCE verification failed")
        }
        guard let session = sessions.active(touch: true), session.id == grant.sessionID else {
            throw .invalidGrant("the session behind this code has ended")
        }
        let issued: IssuedTokens
        do throws(BrokerError) {
            issued = try issueTokens(for: session, clientID: app.clientID, scopes: grant.scopes, nonce: grant.nonce)
        } catch {
            throw OAuthError(error: "server_error", description: error.technicalDetail, status: 500)
        }
        codes.recordFamily(issued.familyID, forCode: code)
        audit.record("token.issued", ["client": app.clientID, "session": session.id])
        return issued.body
    }

    private func refresh(_ form: FormBody, app: AppRegistration) throws(OAuthError) -> [String: Any] {
        guard let token = form["refresh_token"] else { throw .invalidRequest("refresh_token is missing") }
        let outcome: TokenStore.RefreshOutcome
        switch tokens.consumeRefresh(token, clientID: app.clientID, now: clock.now()) {
        case .success(let value): outcome = value
        case .failure(.reused):
            audit.record("token.refresh-reuse", ["client": app.clientID])
            logger.warning("refresh token reused: family revoked", metadata: ["client": "\(app.clientID)"])
            throw .invalidGrant("refresh token already used; the whole family is revoked")
        case .failure(.expired): throw .invalidGrant("refresh token expired")
        case .failure(.wrongClient): throw .invalidGrant("refresh token was issued to another client")
        case .failure(.unknown): throw .invalidGrant("unknown or revoked refresh token")
        }
        guard let session = sessions.active(touch: true), session.id == outcome.sessionID else {
            tokens.revokeFamily(outcome.familyID)
            throw .invalidGrant("the session behind this refresh token has ended")
        }
        var scopes = outcome.scopes
        if let requested = form["scope"] {
            let asked = requested.split(separator: " ").map(String.init)
            guard Set(asked).isSubset(of: Set(outcome.scopes)) else { throw .invalidScope("scope wider than granted") }
            scopes = asked
        }
        do throws(BrokerError) {
            return try issueTokens(
                for: session, clientID: app.clientID, scopes: scopes, nonce: nil, familyID: outcome.familyID
            ).body
        } catch {
            throw OAuthError(error: "server_error", description: error.technicalDetail, status: 500)
        }
    }
}
