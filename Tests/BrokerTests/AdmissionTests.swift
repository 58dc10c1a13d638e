import Foundation
import Testing

@testable import Broker

@Suite("Admission middleware: Host, Origin, media types, CORS, headers, rate limits", .serialized)
struct AdmissionTests {
    @Test("Host: attacker.example is refused before routing (DNS rebinding)")
    func hostAllowList() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        let reply = try await Browser().get(
            harness.issuer + "/.well-known/openid-configuration", headers: [("Host", "attacker.example")])
        #expect(reply.status == 403)
        #expect(reply.header("content-type") == "application/problem+json")
        #expect(reply.json["type"] as? String == Replies.problemBase + "broker.host-not-allowed")
        #expect((reply.json["title"] as? String)?.isEmpty == false)
        #expect(reply.json["issuer"] == nil)
    }

    @Test("a cross-origin POST from an unregistered origin is refused and changes nothing")
    func unregisteredOrigin() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let pkce = PKCEPair()
        let code = try #require(try await flow.login(pkce: pkce).query("code"))
        let hostile = try await flow.browser.postForm(
            harness.issuer + "/oidc/token",
            [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", flow.redirectURI),
                ("code_verifier", pkce.verifier), ("client_id", "native"),
            ],
            headers: [("Origin", "https://evil.example")])
        #expect(hostile.status == 403)
        #expect(hostile.header("access-control-allow-origin") == nil)
        // No side effect: the code is still good for the real app.
        let legit = try await flow.exchange(code: code, pkce: pkce)
        #expect(legit.status == 200)
    }

    @Test("text/plain POST is refused with 415 (no CORS simple request can change state)")
    func textPlain() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        let reply = try await Browser().send(
            "POST", harness.issuer + "/oidc/token", headers: [("Content-Type", "text/plain")],
            body: "grant_type=refresh_token&refresh_token=x&client_id=native")
        #expect(reply.status == 415)
        #expect(reply.header("content-type") == "application/problem+json")
        let form = try await Browser().send(
            "POST", harness.issuer + "/login/pin", headers: [("Content-Type", "multipart/form-data; boundary=x")],
            body: "--x--")
        #expect(form.status == 415)
    }

    @Test("registered origin: exact CORS echo, never *, preflight answered; pages carry CSP and frame denial")
    func corsAndHeaders() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        let preflight = try await Browser().send(
            "OPTIONS", harness.issuer + "/oidc/token",
            headers: [("Origin", BrokerHarness.webOrigin), ("Access-Control-Request-Method", "POST")], body: nil)
        #expect(preflight.status == 204)
        #expect(preflight.header("access-control-allow-origin") == BrokerHarness.webOrigin)
        let discovery = try await Browser().get(
            harness.issuer + "/.well-known/openid-configuration", headers: [("Origin", BrokerHarness.webOrigin)])
        #expect(discovery.header("access-control-allow-origin") == BrokerHarness.webOrigin)
        #expect(discovery.header("vary") == "Origin")
        #expect(discovery.header("x-content-type-options") == "nosniff")
        #expect(discovery.header("x-frame-options") == "DENY")
        let page = try await Browser().get(harness.issuer + "/login")
        #expect(page.status == 302)
        #expect(page.header("set-cookie")?.contains("SameSite=Strict") == true)
        #expect(page.header("set-cookie")?.contains("HttpOnly") == true)
        let unknown = try await Browser().get(harness.issuer + "/nowhere")
        #expect(unknown.status == 404)
        #expect(unknown.header("content-type") == "application/problem+json")
    }

    @Test("PIN route hammering is rate limited (429 with Retry-After) before touching the card")
    func pinRateLimit() async throws {
        let harness = try await BrokerHarness(withPSC: false) { $0.rateLimits.pinPerMinute = 3 }
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let browser = Browser()
        var statuses: [Int] = []
        for _ in 0..<6 {
            let reply = try await browser.postForm(
                harness.issuer + "/login/pin", [("tx", "x"), ("csrf", "y"), ("pin", "0000")])
            statuses.append(reply.status)
            if reply.status == 429 { #expect(reply.header("retry-after") != nil) }
        }
        #expect(statuses.prefix(3).allSatisfy { $0 == 403 })
        #expect(statuses.suffix(3).allSatisfy { $0 == 429 })
        #expect(try await harness.provider.card.pinStatus().triesLeft == 3)
    }

    @Test("a PIN post without the transaction cookie is refused (CSRF), the card untouched")
    func csrf() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let victim = Browser()
        let start = try await victim.get(harness.issuer + "/login")
        let page = try await victim.get(harness.issuer + (start.header("location") ?? ""))
        let tx = try #require(Browser.hidden("tx", in: page.body))
        let csrf = try #require(Browser.hidden("csrf", in: page.body))
        #expect(page.header("content-security-policy")?.contains("nonce-") == true)
        #expect(page.body.contains("Essais restants : 3"))
        let forged = try await Browser().postForm(
            harness.issuer + "/login/pin", [("tx", tx), ("csrf", csrf), ("pin", "0000")])
        #expect(forged.status == 403)
        #expect(try await harness.provider.card.pinStatus().triesLeft == 3)
    }

    @Test("non-loopback bind is refused at start")
    func loopbackOnly() async throws {
        var settings = BrokerSettings(dataDirectory: NSTemporaryDirectory() + "broker-bind-" + UUID().uuidString)
        settings.host = "0.0.0.0"
        #expect(throws: BrokerError.self) { try settings.validate() }
    }
}
