import Foundation
import Hummingbird

extension Simulator {
    /// `GET …/logout`: RP-initiated logout; comes back with `state` unless `logoutOmitState` is set.
    func logoutRedirect(_ request: Request) async -> Response {
        await state.count("logout")
        let query = Form.query(request)
        guard let clientID = query["client_id"] ?? audience(ofIDToken: query["id_token_hint"]),
            let client = state.fixture.clients[clientID]
        else { return Reply.html(LoginPage.error("Client inconnu pour la déconnexion."), status: .badRequest) }
        guard let target = query["post_logout_redirect_uri"] else {
            return Reply.html(
                """
                <!doctype html><html lang="fr"><meta charset="utf-8"><title>Déconnexion</title>
                <p>Vous êtes déconnecté de Pro Santé Connect (simulateur).</p></html>
                """)
        }
        guard client.allowsRedirect(target, paths: client.postLogoutRedirectPaths) else {
            return Reply.html(
                LoginPage.error("Adresse de retour après déconnexion non enregistrée."), status: .badRequest)
        }
        let omit = await state.settings.logoutOmitState
        guard let returnedState = query["state"], !omit else { return Reply.redirect(target) }
        return Reply.redirect(target + "?" + Form.encode([("state", returnedState)]))
    }

    /// `POST …/logout`: server-side logout with the refresh token (client-authenticated), ends the session.
    func logoutBackChannel(_ request: Request, context: SimulatorContext) async -> Response {
        await state.count("logout")
        guard let form = try? await Form.body(request) else { return Reply.oauthError("invalid_request", "body") }
        guard case .ok(let client, _) = await authenticateClient(request, form: form, context: context) else {
            return Reply.oauthError("invalid_client", "client authentication failed", status: .unauthorized)
        }
        guard let token = form["refresh_token"], let grant = await state.peekRefreshGrant(token),
            grant.clientID == client.clientID
        else { return Reply.oauthError("invalid_grant", "unknown refresh token") }
        await state.endSession(grant.sessionID)
        return Response(status: .noContent)
    }

    /// The `aud` of an unverified ID token hint: only used to find the client, never trusted further.
    private func audience(ofIDToken token: String?) -> String? {
        guard let token else { return nil }
        let parts = token.split(separator: ".")
        guard parts.count >= 2 else { return nil }
        var base64 = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["aud"] as? String ?? (object["aud"] as? [String])?.first
    }
}
