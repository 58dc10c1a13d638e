import Foundation
import Testing

@testable import Broker

@Suite("OpenID Provider: code + PKCE, ID token, userinfo, SSO, refresh", .serialized)
struct CodeFlowTests {
    @Test("discovery advertises S256 only, ES256, the broker as issuer and the endpoints")
    func discovery() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        let reply = try await Browser().get(harness.issuer + "/.well-known/openid-configuration")
        #expect(reply.status == 200)
        let document = reply.json
        #expect(document["issuer"] as? String == harness.issuer)
        #expect(document["code_challenge_methods_supported"] as? [String] == ["S256"])
        #expect(document["id_token_signing_alg_values_supported"] as? [String] == ["ES256"])
        #expect(document["authorization_response_iss_parameter_supported"] as? Bool == true)
        let jwks = try await Browser().get(harness.issuer + "/oidc/jwks").json
        let keys = try #require(jwks["keys"] as? [[String: Any]])
        #expect(keys.count == 1)
        #expect(keys[0]["d"] == nil)
        #expect(keys[0]["crv"] as? String == "P-256")
    }

    @Test("card + PIN + PSC CIBA: code with iss and state, tokens, verified ID token, userinfo")
    func fullLogin() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let pkce = PKCEPair()
        let back = try await flow.login(pkce: pkce, state: "st-42", nonce: "nonce-42")
        #expect(back.status == 302)
        #expect(back.header("location")?.hasPrefix("http://127.0.0.1:51000/cb?") == true)
        #expect(back.query("state") == "st-42")
        #expect(back.query("iss") == harness.issuer)
        let code = try #require(back.query("code"))
        let tokens = try await flow.exchange(code: code, pkce: pkce)
        #expect(tokens.status == 200)
        #expect(tokens.header("cache-control") == "no-store")
        let body = tokens.json
        let idToken = try #require(body["id_token"] as? String)
        let jwks = try await flow.browser.get(harness.issuer + "/oidc/jwks").json
        let claims = try IDTokenCheck.verify(idToken, jwks: jwks)
        #expect(claims["iss"] as? String == harness.issuer)
        #expect(claims["sub"] as? String == "899700000013")
        #expect(claims["aud"] as? String == "native")
        #expect(claims["nonce"] as? String == "nonce-42")
        #expect(claims["amr"] as? [String] == ["sc", "pin", "hwk"])
        #expect(claims["acr"] as? String != nil)
        #expect(claims["family_name"] as? String == "MEDECIN0000001")
        #expect(claims["profession"] as? String == "10")
        let situation = try #require(claims["situation_exercice"] as? [String: String])
        #expect(situation["raisonSocialeSite"] == "TEST CENTRE DE SANTE PASSERELLE")
        let access = try #require(body["access_token"] as? String)
        let info = try await flow.browser.get(
            harness.issuer + "/oidc/userinfo", headers: [("Authorization", "Bearer \(access)")])
        #expect(info.status == 200)
        #expect(info.json["sub"] as? String == "899700000013")
        #expect(harness.provider.sessions.snapshot?.cardSerial == "9700000013")
    }

    @Test("a second app gets a code without a new login (SSO, prompt=none)")
    func singleSignOn() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let first = LoginFlow(harness)
        let back = try await first.login(pkce: PKCEPair())
        #expect(back.query("code") != nil)
        var second = LoginFlow(harness, browser: Browser())
        second.clientID = "sso2"
        second.redirectURI = "http://127.0.0.1:40001/second"
        second.scope = "openid"
        let pkce = PKCEPair()
        let silent = try await second.browser.get(
            second.authorizeURL(pkce: pkce, state: "two", nonce: "n2", extra: [("prompt", "none")]))
        #expect(silent.status == 302)
        let code = try #require(silent.query("code"))
        let tokens = try await second.exchange(code: code, pkce: pkce)
        #expect(tokens.status == 200)
        #expect(tokens.json["id_token"] != nil)
    }

    @Test("prompt=none without a session answers login_required to the app")
    func promptNone() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        let flow = LoginFlow(harness)
        let reply = try await flow.browser.get(
            flow.authorizeURL(pkce: PKCEPair(), state: "x", nonce: "y", extra: [("prompt", "none")]))
        #expect(reply.status == 302)
        #expect(reply.query("error") == "login_required")
        #expect(reply.query("state") == "x")
        #expect(reply.query("iss") == harness.issuer)
    }

    @Test("several situations d'exercice: the professional chooses, the ID token carries the choice")
    func situationChoice() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard("medecin-2")
        let flow = LoginFlow(harness)
        let pkce = PKCEPair()
        let back = try await flow.login(pkce: pkce, chooseSituation: 1)
        let code = try #require(back.query("code"))
        let tokens = try await flow.exchange(code: code, pkce: pkce)
        let claims = try #require(
            IDTokenCheck.decodeJSON(
                (tokens.json["id_token"] as? String ?? "").split(separator: ".").dropFirst().first.map(String.init)
                    ?? ""))
        let candidates = try #require(harness.provider.sessions.snapshot?.situationCandidates)
        #expect(candidates.count > 1)
        #expect(claims["situation_exercice"] as? [String: String] == candidates[1].claim)
    }

    @Test("refresh rotates; replaying a rotated refresh token revokes the family")
    func refreshRotationAndReuse() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let first = try await flow.loginAndExchange().json
        let refresh1 = try #require(first["refresh_token"] as? String)
        let second = try await flow.refresh(refresh1)
        #expect(second.status == 200)
        let refresh2 = try #require(second.json["refresh_token"] as? String)
        let access2 = try #require(second.json["access_token"] as? String)
        #expect(refresh2 != refresh1)
        let reuse = try await flow.refresh(refresh1)
        #expect(reuse.status == 400)
        #expect(reuse.json["error"] as? String == "invalid_grant")
        let afterReuse = try await flow.refresh(refresh2)
        #expect(afterReuse.status == 400)
        let info = try await flow.browser.get(
            harness.issuer + "/oidc/userinfo", headers: [("Authorization", "Bearer \(access2)")])
        #expect(info.status == 401)
        #expect(info.header("content-type") == "application/problem+json")
    }

    @Test("code replay is refused and revokes the tokens of the first exchange")
    func codeReplay() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let pkce = PKCEPair()
        let code = try #require(try await flow.login(pkce: pkce).query("code"))
        let first = try await flow.exchange(code: code, pkce: pkce)
        #expect(first.status == 200)
        let access = try #require(first.json["access_token"] as? String)
        let replay = try await flow.exchange(code: code, pkce: pkce)
        #expect(replay.status == 400)
        #expect(replay.json["error"] as? String == "invalid_grant")
        let info = try await flow.browser.get(
            harness.issuer + "/oidc/userinfo", headers: [("Authorization", "Bearer \(access)")])
        #expect(info.status == 401)
    }

    @Test("wrong PKCE verifier, wrong redirect_uri at the token endpoint, wrong secret")
    func tokenEndpointRefusals() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let pkce = PKCEPair()
        let code = try #require(try await flow.login(pkce: pkce).query("code"))
        let badVerifier = try await flow.exchange(code: code, pkce: PKCEPair())
        #expect(badVerifier.json["error"] as? String == "invalid_grant")
        // Confidential app: wrong secret → 401 invalid_client, right secret → tokens.
        var web = LoginFlow(harness, browser: Browser())
        web.clientID = "web"
        web.redirectURI = BrokerHarness.webRedirect
        let webPKCE = PKCEPair()
        let silent = try await web.browser.get(web.authorizeURL(pkce: webPKCE, state: "w", nonce: "w"))
        let webCode = try #require(silent.query("code"))
        let wrong = try await web.exchange(code: webCode, pkce: webPKCE, auth: ("web", "not-the-secret"))
        #expect(wrong.status == 401)
        #expect(wrong.json["error"] as? String == "invalid_client")
        let mismatch = try await web.exchange(
            code: webCode, pkce: webPKCE, redirect: "http://127.0.0.1:8765/other",
            auth: ("web", BrokerHarness.webSecret))
        #expect(mismatch.json["error"] as? String == "invalid_grant")
    }

    @Test("authorize refusals: unregistered redirect (page, no redirect), missing PKCE, plain PKCE, bad scope")
    func authorizeRefusals() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        var flow = LoginFlow(harness)
        flow.redirectURI = "http://127.0.0.1:51000/evil"
        let mismatch = try await flow.browser.get(flow.authorizeURL(pkce: PKCEPair(), state: "s", nonce: "n"))
        #expect(mismatch.status == 400)
        #expect(mismatch.header("location") == nil)
        #expect(mismatch.body.contains("Connexion impossible"))
        flow.redirectURI = "http://localhost:51000/cb"
        let otherHost = try await flow.browser.get(flow.authorizeURL(pkce: PKCEPair(), state: "s", nonce: "n"))
        #expect(otherHost.status == 400)
        flow.redirectURI = "http://127.0.0.1:51000/cb"
        var components = URLComponents(string: flow.authorizeURL(pkce: PKCEPair(), state: "s", nonce: "n"))
        let kept = components?.queryItems?.filter { !$0.name.hasPrefix("code_challenge") }
        components?.queryItems = kept
        let noPKCE = try await flow.browser.get(components?.string ?? "")
        #expect(noPKCE.status == 302)
        #expect(noPKCE.query("error") == "invalid_request")
        var plainURL = URLComponents(string: flow.authorizeURL(pkce: PKCEPair(), state: "s", nonce: "n"))
        let plainItems = plainURL?.queryItems?.map {
            $0.name == "code_challenge_method" ? URLQueryItem(name: $0.name, value: "plain") : $0
        }
        plainURL?.queryItems = plainItems
        let plain = try await flow.browser.get(plainURL?.string ?? "")
        #expect(plain.query("error") == "invalid_request")
        flow.scope = "openid admin"
        let scope = try await flow.browser.get(flow.authorizeURL(pkce: PKCEPair(), state: "s", nonce: "n"))
        #expect(scope.query("error") == "invalid_scope")
    }
}
