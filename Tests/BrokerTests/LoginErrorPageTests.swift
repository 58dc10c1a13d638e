import Foundation
import ProSanteConnect
import Testing

@testable import Broker

@Suite("Login pages: plain-French errors", .serialized)
struct LoginErrorPageTests {
    /// Opens the login page of a fresh authorize request and returns the browser, page, tx and csrf.
    private func loginPage(_ harness: BrokerHarness) async throws -> (Browser, Browser.Reply, String, String) {
        let flow = LoginFlow(harness)
        let start = try await flow.browser.get(flow.authorizeURL(pkce: PKCEPair(), state: "e", nonce: "e"))
        let page = try await flow.browser.get(harness.issuer + (start.header("location") ?? ""))
        let tx = try #require(Browser.hidden("tx", in: page.body))
        let csrf = try #require(Browser.hidden("csrf", in: page.body))
        return (flow.browser, page, tx, csrf)
    }

    @Test("PSC unreachable: the PIN is checked, then « Pro Santé Connect est momentanément indisponible »")
    func pscDown() async throws {
        let harness = try await BrokerHarness(withPSC: false) { settings in
            settings.psc = PSCConfiguration(
                issuer: "http://127.0.0.1:9/auth/realms/esante-wallet", clientID: "passerelle",
                clientAuthentication: .clientSecretBasic(secret: "x"), requestTimeout: 1)
        }
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let (browser, _, tx, csrf) = try await loginPage(harness)
        let reply = try await browser.postForm(
            harness.issuer + "/login/pin", [("tx", tx), ("csrf", csrf), ("pin", "1234"), ("method", "ciba")])
        let page = try await browser.get(harness.issuer + (reply.header("location") ?? ""))
        #expect(page.body.contains("momentanément indisponible"))
        #expect(harness.provider.sessions.snapshot == nil)
    }

    @Test("blocked card: no PIN field, « carte CPS est bloquée »")
    func blockedCard() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        try await harness.insertCard(triesLeft: 0)
        let (_, page, _, _) = try await loginPage(harness)
        #expect(page.body.contains("carte CPS est bloquée"))
        #expect(!page.body.contains("name=\"pin\""))
    }

    @Test("card pulled during the PSC push: no session, « carte a été retirée »")
    func cardRemovedDuringLogin() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let (browser, _, tx, csrf) = try await loginPage(harness)
        _ = try await browser.postForm(
            harness.issuer + "/login/pin", [("tx", tx), ("csrf", csrf), ("pin", "1234"), ("method", "ciba")])
        try await harness.removeCard()
        var page = try await browser.get(harness.issuer + "/login?tx=\(tx)")
        for _ in 0..<30 where page.body.contains("class=\"binding\"") {
            try await Task.sleep(nanoseconds: 200_000_000)
            page = try await browser.get(harness.issuer + "/login?tx=\(tx)")
        }
        #expect(page.body.contains("carte a été retirée"))
        #expect(harness.provider.sessions.snapshot == nil)
    }
}
