import Foundation
import Testing

@testable import Broker

@Suite("SSO session from PSC: browser code flow, e-CPS push, native CIBA, RP-initiated logout", .serialized)
struct PSCLoginTests {
    @Test("card + PIN then PSC's own page: psc-sim redirects to the broker's loopback callback, code to the app")
    func browserFlow() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let pkce = PKCEPair()
        let start = try await flow.browser.get(flow.authorizeURL(pkce: pkce, state: "b1", nonce: "nb"))
        let page = try await flow.browser.get(harness.issuer + (start.header("location") ?? ""))
        let tx = try #require(Browser.hidden("tx", in: page.body))
        let csrf = try #require(Browser.hidden("csrf", in: page.body))
        let toPSC = try await flow.browser.postForm(
            harness.issuer + "/login/pin", [("tx", tx), ("csrf", csrf), ("pin", "1234"), ("method", "browser")])
        let pscURL = try #require(toPSC.header("location"))
        #expect(pscURL.hasPrefix(harness.psc?.issuer.components(separatedBy: "/auth/realms").first ?? "-"))
        #expect(pscURL.contains("code_challenge_method=S256"))
        let pscPage = try await flow.browser.get(pscURL)
        let requestID = try #require(Browser.hidden("request_id", in: pscPage.body))
        let pscBase = try #require(
            URLComponents(string: pscURL).map { "\($0.scheme ?? "http")://\($0.host ?? ""):\($0.port ?? 80)" })
        let back = try await flow.browser.postForm(
            pscBase + "/auth/login",
            [("request_id", requestID), ("professional", "899700000013"), ("method", "cps"), ("action", "login")])
        let callback = try #require(back.header("location"))
        #expect(callback.hasPrefix(harness.issuer + "/callback?"))
        let done = try await flow.browser.get(callback)
        #expect(done.status == 302)
        #expect(done.query("state") == "b1")
        let code = try #require(done.query("code"))
        let tokens = try await flow.exchange(code: code, pkce: pkce)
        #expect(tokens.status == 200)
        #expect(harness.provider.sessions.snapshot?.cardSerial == "9700000013")
    }

    @Test("a card whose holder is not the PSC professional gets no session")
    func cardMismatch() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let start = try await flow.browser.get(flow.authorizeURL(pkce: PKCEPair(), state: "m", nonce: "m"))
        let page = try await flow.browser.get(harness.issuer + (start.header("location") ?? ""))
        let tx = try #require(Browser.hidden("tx", in: page.body))
        let csrf = try #require(Browser.hidden("csrf", in: page.body))
        let toPSC = try await flow.browser.postForm(
            harness.issuer + "/login/pin", [("tx", tx), ("csrf", csrf), ("pin", "1234"), ("method", "browser")])
        let pscURL = try #require(toPSC.header("location"))
        let pscPage = try await flow.browser.get(pscURL)
        let requestID = try #require(Browser.hidden("request_id", in: pscPage.body))
        let pscBase = try #require(
            URLComponents(string: pscURL).map { "\($0.scheme ?? "http")://\($0.host ?? ""):\($0.port ?? 80)" })
        let back = try await flow.browser.postForm(
            pscBase + "/auth/login",
            [("request_id", requestID), ("professional", "899700000039"), ("method", "cps"), ("action", "login")])
        let done = try await flow.browser.get(try #require(back.header("location")))
        let page2 = try await flow.browser.get(harness.issuer + (done.header("location") ?? ""))
        #expect(page2.body.contains("n&#39;appartient pas") || page2.body.contains("n'appartient pas"))
        #expect(harness.provider.sessions.snapshot == nil)
    }

    @Test("no card: e-CPS push with the typed national id, amr e-CPS")
    func eCPS() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        let flow = LoginFlow(harness)
        let pkce = PKCEPair()
        let start = try await flow.browser.get(flow.authorizeURL(pkce: pkce, state: "e", nonce: "ne"))
        let page = try await flow.browser.get(harness.issuer + (start.header("location") ?? ""))
        #expect(page.body.contains("national_id"))
        let tx = try #require(Browser.hidden("tx", in: page.body))
        let csrf = try #require(Browser.hidden("csrf", in: page.body))
        var reply = try await flow.browser.postForm(
            harness.issuer + "/login/ecps", [("tx", tx), ("csrf", csrf), ("national_id", "899700000047")])
        var sawBinding = false
        for _ in 0..<50 {
            guard let next = reply.header("location"), next.hasPrefix("/") else { break }
            reply = try await flow.browser.get(harness.issuer + next)
            if reply.status == 200, reply.body.contains("class=\"binding\"") {
                sawBinding = true
                try await Task.sleep(nanoseconds: 300_000_000)
                reply = Browser.Reply(status: 302, headers: [("location", next)], body: "")
            }
        }
        #expect(sawBinding)
        let code = try #require(reply.query("code"))
        let tokens = try await flow.exchange(code: code, pkce: pkce).json
        let claims = try #require(
            IDTokenCheck.decodeJSON((tokens["id_token"] as? String ?? "").split(separator: ".").map(String.init)[1]))
        #expect(claims["sub"] as? String == "899700000047")
        #expect(claims["amr"] as? [String] == ["mca", "swk"])
    }

    @Test("native app without a browser: /oidc/ciba with the card's holder id, then poll the token endpoint")
    func nativeCIBA() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let browser = Browser()
        let started = try await browser.postForm(
            harness.issuer + "/oidc/ciba", [("client_id", "native"), ("scope", "openid profile")])
        #expect(started.status == 200)
        let id = try #require(started.json["auth_req_id"] as? String)
        #expect((started.json["binding_message"] as? String)?.count == 2)
        var tokens: [String: Any] = [:]
        for _ in 0..<40 {
            try await Task.sleep(nanoseconds: 500_000_000)
            let poll = try await browser.postForm(
                harness.issuer + "/oidc/token",
                [("grant_type", "urn:openid:params:grant-type:ciba"), ("auth_req_id", id), ("client_id", "native")])
            if poll.status == 200 {
                tokens = poll.json
                break
            }
            #expect(["authorization_pending", "slow_down"].contains(poll.json["error"] as? String ?? ""))
        }
        #expect(tokens["id_token"] != nil)
        #expect(harness.provider.sessions.snapshot?.subject == "899700000013")
        let notAllowed = try await browser.postForm(
            harness.issuer + "/oidc/ciba", [("client_id", "sso2"), ("scope", "openid")])
        #expect(notAllowed.json["error"] as? String == "unauthorized_client")
    }

    @Test("end_session with id_token_hint ends the session and returns to a registered URI with state")
    func endSession() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let tokens = try await flow.loginAndExchange().json
        let idToken = try #require(tokens["id_token"] as? String)
        var url = URLComponents(string: harness.issuer + "/oidc/logout")
        url?.queryItems = [
            .init(name: "id_token_hint", value: idToken),
            .init(name: "post_logout_redirect_uri", value: "http://127.0.0.1:51000/cb"),
            .init(name: "state", value: "bye"),
        ]
        let reply = try await flow.browser.get(url?.string ?? "")
        #expect(reply.status == 302)
        #expect(reply.header("location") == "http://127.0.0.1:51000/cb?state=bye")
        #expect(harness.provider.sessions.snapshot == nil)
        let refused = try await flow.refresh(tokens["refresh_token"] as? String ?? "")
        #expect(refused.json["error"] as? String == "invalid_grant")
    }

    @Test("end_session without a hint asks for confirmation instead of logging out")
    func endSessionConfirmation() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        _ = try #require(try await flow.login(pkce: PKCEPair()).query("code"))
        let user = Browser()
        let page = try await user.get(harness.issuer + "/oidc/logout")
        #expect(page.status == 200)
        #expect(harness.provider.sessions.snapshot != nil)
        let tx = try #require(Browser.hidden("tx", in: page.body))
        let csrf = try #require(Browser.hidden("csrf", in: page.body))
        let confirmed = try await user.postForm(harness.issuer + "/logout", [("tx", tx), ("csrf", csrf)])
        #expect(confirmed.status == 200)
        #expect(harness.provider.sessions.snapshot == nil)
    }
}
