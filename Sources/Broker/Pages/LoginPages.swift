import Hummingbird
import Mustache

/// Renders the French login pages into a fixed layout, each response with its own CSP nonce.
struct LoginPages: Sendable {
    private let library: MustacheLibrary

    init() throws(BrokerError) {
        var library = MustacheLibrary()
        let all: [(String, String)] = [
            ("layout", Templates.layout), ("login", Templates.login), ("wait", Templates.wait),
            ("situation", Templates.situation), ("message", Templates.message),
            ("confirmLogout", Templates.confirmLogout),
        ]
        for (name, text) in all {
            do {
                try library.register(text, named: name)
            } catch {
                throw .configuration("template \(name): \(error)")
            }
        }
        self.library = library
    }

    func render(
        _ template: String, title: String, values: [String: Any], script: String? = nil, refresh: Int? = nil,
        status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) -> Response {
        let nonce = Secrets.token()
        let body = library.render(values, withTemplate: template) ?? ""
        var context: [String: Any] = ["title": title, "body": body, "nonce": nonce]
        if let script { context["script"] = script }
        if let refresh { context["refresh"] = refresh }
        let html = library.render(context, withTemplate: "layout") ?? ""
        var extra = headers
        extra[.contentSecurityPolicy] = SecurityHeaders.pageCSP(nonce: nonce)
        return Replies.html(html, status: status, extraHeaders: extra)
    }

    func message(_ text: String, title: String, isError: Bool, retry: String? = nil, status: HTTPResponse.Status = .ok)
        -> Response
    {
        var values: [String: Any] = ["message": text, "isError": isError]
        if let retry { values["retry"] = retry }
        return render("message", title: title, values: values, status: status)
    }

    func loggedOut() -> Response {
        message("Vous êtes déconnecté de toutes les applications du poste.", title: "Déconnexion", isError: false)
    }

    func confirmLogout(transaction: LoginTransaction, redirect: String?, state: String?, headers: HTTPFields)
        -> Response
    {
        var values: [String: Any] = ["tx": transaction.id, "csrf": transaction.csrf]
        if let redirect { values["redirect"] = redirect }
        if let state { values["state"] = state }
        return render("confirmLogout", title: "Déconnexion", values: values, headers: headers)
    }
}

extension OpenIDProvider {
    /// An OAuth error that cannot go back to the app (unknown client, unregistered redirect URI).
    func errorPage(_ error: OAuthError, status: HTTPResponse.Status) -> Response {
        pages.message(
            error.frenchTitle + " (" + error.description + ")", title: "Connexion impossible", isError: true,
            status: status)
    }
}
