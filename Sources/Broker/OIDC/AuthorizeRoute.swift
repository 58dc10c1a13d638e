import Foundation
import Hummingbird
import ProSanteConnect

extension OpenIDProvider {
    /// `GET /oidc/authorize`: code flow with PKCE S256 only. A bad `client_id` or `redirect_uri` gets an error
    /// page (never a redirect to an unverified URI); every other error goes back to the app with `state` and `iss`.
    func authorize(_ request: Request) async -> Response {
        let query = FormBody(request.uri.query ?? "")
        guard let clientID = query["client_id"], let app = registry.app(clientID) else {
            return errorPage(.init(error: "invalid_client", description: "unknown client_id"), status: .badRequest)
        }
        guard let redirectURI = query["redirect_uri"],
            RedirectMatcher.matches(redirectURI, registered: app.redirectURIs)
        else {
            audit.record("authorize.redirect-mismatch", ["client": clientID])
            return errorPage(.invalidRequest("redirect_uri is not registered for this client"), status: .badRequest)
        }
        let state = query["state"]
        func back(_ error: OAuthError) -> Response {
            redirectToApp(
                redirectURI, [("error", error.error), ("error_description", error.description)], state: state)
        }
        guard query.duplicates.isEmpty else { return back(.invalidRequest("duplicate parameters")) }
        if query["request"] != nil || query["request_uri"] != nil {
            return back(.init(error: "request_not_supported", description: "request objects are not supported"))
        }
        guard query["response_type"] == "code" else {
            return back(.init(error: "unsupported_response_type", description: "only response_type=code"))
        }
        guard let challenge = query["code_challenge"] else {
            return back(.invalidRequest("PKCE is required: code_challenge with code_challenge_method=S256"))
        }
        guard query["code_challenge_method"] == "S256" else {
            return back(.invalidRequest("only code_challenge_method=S256 is accepted"))
        }
        guard challenge.count == 43, Base64URL.decode(challenge)?.count == 32 else {
            return back(.invalidRequest("code_challenge is not a base64url SHA-256"))
        }
        if let mode = query["response_mode"], mode != "query" {
            return back(.invalidRequest("only response_mode=query"))
        }
        let scopes: [String]
        do throws(OAuthError) {
            scopes = try app.grant((query["scope"] ?? "").split(separator: " ").map(String.init))
        } catch {
            return back(error)
        }
        var prompt: AuthorizeRequest.Prompt?
        if let value = query["prompt"] {
            guard let parsed = AuthorizeRequest.Prompt(rawValue: value) else {
                return back(.invalidRequest("prompt must be none or login"))
            }
            prompt = parsed
        }
        let authorization = AuthorizeRequest(
            clientID: clientID, redirectURI: redirectURI, state: state, nonce: query["nonce"],
            codeChallenge: challenge, scopes: scopes, prompt: prompt)
        if prompt != .login, let session = sessions.active(touch: true), !session.needsSituation {
            return issueCode(authorization, session: session)
        }
        if prompt == .silent {
            return back(.init(error: "login_required", description: "no active session"))
        }
        let transaction = logins.create(authorization)
        if sessions.active() != nil, prompt != .login {
            logins.setPhase(transaction.id, .chooseSituation)
            return loginRedirect(transaction, path: "/login/situation")
        }
        return loginRedirect(transaction, path: "/login")
    }

    /// Sends the browser to a login page, setting the transaction cookie.
    func loginRedirect(_ transaction: LoginTransaction, path: String) -> Response {
        var headers = HTTPFields()
        headers[.setCookie] = LoginCookie.set(transaction)
        return Replies.redirect("\(path)?tx=\(transaction.id)", extraHeaders: headers)
    }

    /// The code (≤ 60 s, single use) back to the app with `state` and RFC 9207 `iss`.
    func issueCode(_ authorization: AuthorizeRequest, session: SSOSession) -> Response {
        let code = codes.issue(
            AuthorizationGrant(
                clientID: authorization.clientID, redirectURI: authorization.redirectURI,
                codeChallenge: authorization.codeChallenge, nonce: authorization.nonce, scopes: authorization.scopes,
                sessionID: session.id, expiresAt: clock.now().addingTimeInterval(settings.tokens.authorizationCode)))
        audit.record("authorize.code", ["client": authorization.clientID, "session": session.id])
        return redirectToApp(authorization.redirectURI, [("code", code)], state: authorization.state)
    }

    func redirectToApp(_ redirectURI: String, _ pairs: [(String, String)], state: String?) -> Response {
        var all = pairs
        if let state { all.append(("state", state)) }
        all.append(("iss", issuer))
        let separator = redirectURI.contains("?") ? "&" : "?"
        return Replies.redirect(redirectURI + separator + FormBody.encode(all))
    }
}
