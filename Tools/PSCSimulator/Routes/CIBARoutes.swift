import Foundation
import Hummingbird

extension Simulator {
    /// `POST …/ext/ciba/auth` (poll mode), with PSC's `channel` parameter.
    func cibaAuthenticate(_ request: Request, context: SimulatorContext) async -> Response {
        await state.count("ciba")
        if let failure = await transportFailure("ciba") { return failure }
        guard let form = try? await Form.body(request) else { return Reply.oauthError("invalid_request", "body") }
        let client: Fixture.Client
        switch await authenticateClient(request, form: form, context: context) {
        case .failed(let response): return response
        case .ok(let authenticated, _): client = authenticated
        }
        guard client.ciba else { return Reply.oauthError("unauthorized_client", "CIBA is not enabled for this client") }
        guard let scope = form["scope"], scope.split(separator: " ").contains("openid") else {
            return Reply.oauthError("invalid_scope", "openid required")
        }
        guard let hint = form["login_hint"], state.fixture.professional(hint) != nil else {
            return Reply.oauthError("unknown_user_id", "login_hint is not a known national id")
        }
        let binding = form["binding_message"]
        if let binding, binding.count != 2 || !binding.allSatisfy(\.isASCII) || Int(binding) == nil {
            return Reply.oauthError("invalid_binding_message", "two digits expected")
        }
        let channel = form["channel"] ?? "MOBILE"
        guard channel == "CARD" || channel == "MOBILE" else {
            return Reply.oauthError("invalid_request", "channel must be CARD or MOBILE")
        }
        let entry = await state.createCIBA(
            clientID: client.clientID, nationalID: hint, binding: binding, channel: channel, scope: scope)
        if let delay = await state.settings.cibaAutoApproveAfter {
            let state = self.state
            Task {
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                _ = await state.resolveCIBA(entry.id, status: .approved)
            }
        }
        return Reply.json([
            "auth_req_id": entry.id, "expires_in": Int(entry.expiresAt.timeIntervalSinceNow.rounded()),
            "interval": Int(entry.interval),
        ])
    }
}
