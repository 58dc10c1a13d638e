import Crypto
import Foundation
import Hummingbird

extension Simulator {
    /// `POST …/token`: authorization_code (PKCE), refresh_token (rotation), CIBA poll.
    func token(_ request: Request, context: SimulatorContext) async -> Response {
        await state.count("token")
        if let failure = await transportFailure("token") { return failure }
        guard let form = try? await Form.body(request) else { return Reply.oauthError("invalid_request", "body") }
        let client: Fixture.Client
        switch await authenticateClient(request, form: form, context: context) {
        case .failed(let response): return response
        case .ok(let authenticated, _): client = authenticated
        }
        switch form["grant_type"] {
        case "authorization_code": return await codeGrant(form, client: client)
        case "refresh_token": return await refreshGrant(form, client: client)
        case "urn:openid:params:grant-type:ciba": return await cibaGrant(form, client: client)
        default: return Reply.oauthError("unsupported_grant_type", "grant_type not supported")
        }
    }

    private func codeGrant(_ form: [String: String], client: Fixture.Client) async -> Response {
        guard let code = form["code"] else { return Reply.oauthError("invalid_request", "code missing") }
        let grant: Grant
        switch await state.redeemCode(code) {
        case .invalid(let why): return Reply.oauthError("invalid_grant", why)
        case .grant(let found): grant = found
        }
        guard grant.clientID == client.clientID else {
            return Reply.oauthError("invalid_grant", "code of another client")
        }
        guard form["redirect_uri"] == grant.redirectURI else {
            return Reply.oauthError("invalid_grant", "redirect_uri differs")
        }
        guard let verifier = form["code_verifier"], (43...128).contains(verifier.count),
            JWTSigner.encode(Data(SHA256.hash(data: Data(verifier.utf8)))) == grant.codeChallenge
        else { return Reply.oauthError("invalid_grant", "PKCE verification failed") }
        return await issueTokens(for: grant, nonce: grant.nonce)
    }

    private func refreshGrant(_ form: [String: String], client: Fixture.Client) async -> Response {
        guard let token = form["refresh_token"], let grant = await state.takeRefreshGrant(token),
            grant.clientID == client.clientID
        else { return Reply.oauthError("invalid_grant", "refresh token unknown, used, expired or ended") }
        return await issueTokens(for: grant, nonce: nil)
    }

    private func cibaGrant(_ form: [String: String], client: Fixture.Client) async -> Response {
        guard let id = form["auth_req_id"] else { return Reply.oauthError("invalid_request", "auth_req_id missing") }
        switch await state.poll(id, clientID: client.clientID) {
        case .pending: return Reply.oauthError("authorization_pending", "waiting for the user")
        case .slowDown: return Reply.oauthError("slow_down", "polling too fast")
        case .denied: return Reply.oauthError("access_denied", "the user refused")
        case .expired: return Reply.oauthError("expired_token", "auth_req_id expired")
        case .invalid: return Reply.oauthError("invalid_grant", "unknown auth_req_id")
        case .approved(let entry):
            let grant = Grant(
                clientID: entry.clientID, nationalID: entry.nationalID, scope: entry.scope,
                sessionID: SimulatorState.randomID(12), nonce: nil,
                authenticationMethod: entry.channel == "CARD" ? "cps" : "ecps", expiresAt: Date())
            return await issueTokens(for: grant, nonce: nil)
        }
    }
}
