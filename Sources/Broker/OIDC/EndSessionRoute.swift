import Foundation
import Hummingbird
import ProSanteConnect

extension OpenIDProvider {
    /// `GET|POST /oidc/logout` (RP-initiated logout). With a valid `id_token_hint` of the current session the
    /// session ends at once; otherwise the user confirms on a page (no silent logout by a third party).
    func endSession(_ request: Request) async -> Response {
        var request = request
        var parameters = FormBody(request.uri.query ?? "")
        if request.method == .post, let body = try? await request.collectBody(upTo: 64 * 1024) {
            parameters = FormBody(String(buffer: body))
        }
        var clientID = parameters["client_id"]
        var hintMatches = false
        if let hint = parameters["id_token_hint"], let claims = keys.verifiedClaims(hint),
            claims["iss"] as? String == issuer
        {
            clientID = clientID ?? (claims["aud"] as? String)
            hintMatches = claims["sid"] as? String == sessions.snapshot?.id
        }
        var redirect: String?
        if let wanted = parameters["post_logout_redirect_uri"], let clientID, let app = registry.app(clientID),
            RedirectMatcher.matches(wanted, registered: app.redirectURIs)
        {
            redirect = wanted
        }
        if hintMatches || sessions.snapshot == nil {
            await logoutEverywhere()
            guard let redirect else { return pages.loggedOut() }
            var pairs: [(String, String)] = []
            if let state = parameters["state"] { pairs.append(("state", state)) }
            let separator = redirect.contains("?") ? "&" : "?"
            return Replies.redirect(pairs.isEmpty ? redirect : redirect + separator + FormBody.encode(pairs))
        }
        let transaction = logins.create(nil)
        var headers = HTTPFields()
        headers[.setCookie] = LoginCookie.set(transaction)
        return pages.confirmLogout(
            transaction: transaction, redirect: redirect, state: parameters["state"], headers: headers)
    }

    /// `POST /logout` from the confirmation page (CSRF-checked).
    func confirmedLogout(_ request: Request) async throws(BrokerError) -> Response {
        let (form, _) = try await checkedPageForm(request)
        await logoutEverywhere()
        if let redirect = form["redirect"],
            registry.all().contains(where: {
                RedirectMatcher.matches(redirect, registered: $0.redirectURIs)
            })
        {
            let pairs = form["state"].map { [("state", $0)] } ?? []
            let separator = redirect.contains("?") ? "&" : "?"
            return Replies.redirect(pairs.isEmpty ? redirect : redirect + separator + FormBody.encode(pairs))
        }
        return pages.loggedOut()
    }

    /// Explicit logout: the SSO session ends (tokens revoked, back-channel sent) and PSC's session too.
    func logoutEverywhere() async {
        let pscSession = sessions.snapshot?.psc
        sessions.end(reason: .logout)
        if let psc, let pscSession {
            do throws(PSCError) {
                try await psc.logout(pscSession)
            } catch {
                logger.info("PSC logout failed", metadata: ["code": "\(error.code)"])
            }
        }
    }

    /// `POST /oidc/revoke` (RFC 7009): always 200, a refresh token takes its family with it.
    func revoke(_ request: Request, context: BrokerRequestContext) async throws(OAuthError) -> Response {
        var request = request
        let form: FormBody
        do {
            form = FormBody(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        } catch {
            throw .invalidRequest("unreadable body")
        }
        _ = try authenticateClient(request, form: form, crossOrigin: context.crossOrigin)
        if let token = form["token"] { tokens.revoke(token) }
        return Replies.json([String: String]())
    }
}
