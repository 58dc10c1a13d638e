import Foundation
import Hummingbird

extension Simulator {
    /// `GET /auth`: validates the request like Keycloak, then shows the French login page.
    func authorize(_ request: Request) async -> Response {
        await state.count("authorize")
        if let failure = await transportFailure("authorize") { return failure }
        let query = Form.query(request)
        guard let clientID = query["client_id"], let client = state.fixture.clients[clientID] else {
            return Reply.html(LoginPage.error("Client inconnu."), status: .badRequest)
        }
        guard let redirectURI = query["redirect_uri"], client.allowsRedirect(redirectURI, paths: client.redirectPaths)
        else { return Reply.html(LoginPage.error("Adresse de retour non enregistrée."), status: .badRequest) }
        func fail(_ error: String, _ description: String) -> Response {
            Reply.redirect(
                redirectURI + "?"
                    + Form.encode(
                        [("error", error), ("error_description", description), ("iss", issuer)]
                            + (query["state"].map { [("state", $0)] } ?? [])))
        }
        guard query["response_type"] == "code" else { return fail("unsupported_response_type", "code only") }
        let scope = query["scope"] ?? ""
        guard scope.split(separator: " ").contains("openid") else { return fail("invalid_scope", "openid required") }
        guard query["code_challenge_method"] == "S256", let challenge = query["code_challenge"], challenge.count == 43
        else { return fail("invalid_request", "PKCE S256 required") }
        let pending = PendingAuthorization(
            clientID: clientID, redirectURI: redirectURI, state: query["state"], nonce: query["nonce"],
            codeChallenge: challenge, scope: scope, createdAt: Date())
        let id = await state.storePending(pending)
        return Reply.html(LoginPage.render(requestID: id, professionals: state.fixture.professionals))
    }

    /// `POST /auth/login`: the form of the login page; redirects back with a code (or `access_denied`).
    func login(_ request: Request) async -> Response {
        guard let form = try? await Form.body(request), let id = form["request_id"],
            let pending = await state.takePending(id)
        else { return Reply.html(LoginPage.error("Demande de connexion inconnue ou expirée."), status: .badRequest) }
        var pairs: [(String, String)] = []
        if form["action"] == "cancel" {
            pairs = [("error", "access_denied"), ("error_description", "refus de l'utilisateur")]
        } else {
            guard let nationalID = form["professional"], state.fixture.professional(nationalID) != nil else {
                return Reply.html(LoginPage.error("Professionnel inconnu."), status: .badRequest)
            }
            let method = form["method"] == "ecps" ? "ecps" : "cps"
            let code = await state.issueCode(pending, nationalID: nationalID, method: method)
            pairs = [("code", code)]
        }
        if let state = pending.state { pairs.append(("state", state)) }
        if await state.takeFailure("authorize", modes: ["wrongIssuer"]) != nil {
            pairs.append(("iss", "https://attacker.invalid/realms/esante-wallet"))
        } else {
            pairs.append(("iss", issuer))
        }
        await state.count("login")
        return Reply.redirect(pending.redirectURI + "?" + Form.encode(pairs))
    }
}

/// The simulator's login page (French), standing in for PSC's wallet page.
enum LoginPage {
    static func render(requestID: String, professionals: [Fixture.Professional]) -> String {
        let rows = professionals.enumerated().map { index, person in
            """
                <li><label><input type="radio" name="professional" value="\(HTML.escape(person.nationalID))"\
            \(index == 0 ? " checked" : "")> \(HTML.escape(person.label)) <small>(\(HTML.escape(person.nationalID)))</small>\
            </label></li>
            """
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>Pro Santé Connect (simulateur)</title></head>
            <body>
            <h1>Pro Santé Connect — simulateur de TEST</h1>
            <p>Choisissez un professionnel de test et votre moyen d'authentification.</p>
            <form method="post" action="/auth/login">
            <input type="hidden" name="request_id" value="\(HTML.escape(requestID))">
            <fieldset><legend>Professionnel</legend><ul>
            \(rows)
            </ul></fieldset>
            <fieldset><legend>Moyen d'authentification</legend>
            <label><input type="radio" name="method" value="cps" checked> Carte CPS</label>
            <label><input type="radio" name="method" value="ecps"> Application e-CPS</label>
            </fieldset>
            <button type="submit" name="action" value="login">Se connecter</button>
            <button type="submit" name="action" value="cancel">Annuler</button>
            </form>
            </body></html>
            """
    }

    static func error(_ message: String) -> String {
        """
        <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur</title></head>
        <body><h1>Erreur</h1><p>\(HTML.escape(message))</p></body></html>
        """
    }
}
