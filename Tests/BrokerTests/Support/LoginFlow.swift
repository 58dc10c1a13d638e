import Foundation
import Testing

/// The app side of a login: authorize (PKCE), the login pages (PIN + CIBA against psc-sim), the code.
struct LoginFlow {
    let harness: BrokerHarness
    let browser: Browser
    var clientID = "native"
    var redirectURI = "http://127.0.0.1:51000/cb"
    var scope = "openid profile"

    init(_ harness: BrokerHarness, browser: Browser = Browser()) {
        self.harness = harness
        self.browser = browser
    }

    func authorizeURL(pkce: PKCEPair, state: String, nonce: String, extra: [(String, String)] = []) -> String {
        var components = URLComponents(string: harness.issuer + "/oidc/authorize")
        components?.queryItems =
            [
                .init(name: "response_type", value: "code"), .init(name: "client_id", value: clientID),
                .init(name: "redirect_uri", value: redirectURI), .init(name: "scope", value: scope),
                .init(name: "state", value: state), .init(name: "nonce", value: nonce),
                .init(name: "code_challenge", value: pkce.challenge),
                .init(name: "code_challenge_method", value: "S256"),
            ] + extra.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components?.string ?? ""
    }

    /// Full interactive login with the inserted card: returns the redirect back to the app.
    func login(
        pkce: PKCEPair, state: String = "s-1", nonce: String = "n-1", pin: String = "1234", chooseSituation: Int? = nil
    )
        async throws -> Browser.Reply
    {
        let start = try await browser.get(authorizeURL(pkce: pkce, state: state, nonce: nonce))
        #expect(start.status == 302)
        guard let location = start.header("location"), location.hasPrefix("/login") else {
            return start
        }
        let page = try await browser.get(harness.issuer + location)
        guard let tx = Browser.hidden("tx", in: page.body), let csrf = Browser.hidden("csrf", in: page.body) else {
            throw HarnessError("login page without form: \(page.body.prefix(400))")
        }
        var reply = try await browser.postForm(
            harness.issuer + "/login/pin", [("tx", tx), ("csrf", csrf), ("pin", pin), ("method", "ciba")])
        for _ in 0..<100 {
            guard reply.status == 302, let next = reply.header("location") else { return reply }
            if !next.hasPrefix("/") { return reply }
            if next.hasPrefix("/login/situation") {
                _ = try await browser.get(harness.issuer + next)  // the page a person sees before choosing
                reply = try await browser.postForm(
                    harness.issuer + "/login/situation",
                    [("tx", tx), ("csrf", csrf), ("situation", "\(chooseSituation ?? 0)")])
                continue
            }
            reply = try await browser.get(harness.issuer + next)
            if reply.status == 200 {
                if reply.body.contains("class=\"binding\"") || reply.body.contains("Connexion en cours") {
                    try await Task.sleep(nanoseconds: 300_000_000)
                    reply = Browser.Reply(status: 302, headers: [("location", next)], body: "")
                    continue
                }
                return reply
            }
        }
        return reply
    }

    /// The usual app login: a new PKCE pair, the interactive login with the inserted card, the code exchanged.
    func loginAndExchange() async throws -> Browser.Reply {
        let pkce = PKCEPair()
        let code = try #require(try await login(pkce: pkce).query("code"))
        return try await exchange(code: code, pkce: pkce)
    }

    func exchange(code: String, pkce: PKCEPair, redirect: String? = nil, auth: (String, String)? = nil)
        async throws -> Browser.Reply
    {
        var form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect ?? redirectURI),
            ("code_verifier", pkce.verifier),
        ]
        var headers: [(String, String)] = []
        if let auth {
            let basic = Data("\(auth.0):\(auth.1)".utf8).base64EncodedString()
            headers.append(("Authorization", "Basic \(basic)"))
        } else {
            form.append(("client_id", clientID))
        }
        return try await browser.postForm(harness.issuer + "/oidc/token", form, headers: headers)
    }

    func refresh(_ token: String, clientID: String? = nil) async throws -> Browser.Reply {
        try await browser.postForm(
            harness.issuer + "/oidc/token",
            [("grant_type", "refresh_token"), ("refresh_token", token), ("client_id", clientID ?? self.clientID)])
    }
}
