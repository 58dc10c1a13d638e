import Foundation
import Hummingbird
import Synchronization
import Testing

@testable import Broker

/// Receives back-channel logout tokens over real HTTP.
final class LogoutReceiver: @unchecked Sendable {
    let tokens = Mutex<[String]>([])
    private var task: Task<Void, any Error>?
    private(set) var url = ""

    func start() async throws {
        let router = Router()
        router.post("/bcl") { request, _ in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 16))
            if let token = body.split(separator: "&").first(where: { $0.hasPrefix("logout_token=") }) {
                self.tokens.withLock { $0.append(String(token.dropFirst("logout_token=".count))) }
            }
            return Response(status: .ok)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) })
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        for await port in stream {
            url = "http://127.0.0.1:\(port)/bcl"
            break
        }
    }

    func stop() { task?.cancel() }

    func waitForToken() async throws -> String {
        for _ in 0..<300 {
            if let token = tokens.withLock({ $0.first }) { return token }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw HarnessError("no back-channel logout token")
    }
}

@Suite("SSO session: card binding, removal policy, back-channel logout, timeouts", .serialized)
struct CardPolicyTests {
    @Test("pulling the card ends the session: refresh fails, userinfo 401, logout token arrives")
    func removalLogsOut() async throws {
        let receiver = LogoutReceiver()
        try await receiver.start()
        defer { receiver.stop() }
        let app = AppRegistration(
            clientID: "bcl", name: "App with back-channel", kind: .public, redirectURIs: ["http://127.0.0.1/bcl-cb"],
            backchannelLogoutURI: receiver.url)
        let harness = try await BrokerHarness(apps: [app])
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        var flow = LoginFlow(harness)
        flow.clientID = "bcl"
        flow.redirectURI = "http://127.0.0.1:1234/bcl-cb"
        let tokens = try await flow.loginAndExchange().json
        let refresh = try #require(tokens["refresh_token"] as? String)
        let access = try #require(tokens["access_token"] as? String)
        let sid = harness.provider.sessions.snapshot?.id
        try await harness.removeCard()
        #expect(harness.provider.sessions.snapshot == nil)
        let refused = try await flow.refresh(refresh)
        #expect(refused.json["error"] as? String == "invalid_grant")
        let info = try await flow.browser.get(
            harness.issuer + "/oidc/userinfo", headers: [("Authorization", "Bearer \(access)")])
        #expect(info.status == 401)
        let logoutToken = try await receiver.waitForToken()
        let jwks = try await flow.browser.get(harness.issuer + "/oidc/jwks").json
        let claims = try IDTokenCheck.verify(logoutToken, jwks: jwks)
        #expect(claims["aud"] as? String == "bcl")
        #expect(claims["sid"] as? String == sid)
        #expect(claims["nonce"] == nil)
        #expect((claims["events"] as? [String: Any])?["http://schemas.openid.net/event/backchannel-logout"] != nil)
    }

    @Test("lock policy: removal locks (tokens refused), same card + PIN unlocks without PSC")
    func lockPolicy() async throws {
        let harness = try await BrokerHarness { $0.session.cardRemoval = .lock }
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let access = try #require(try await flow.loginAndExchange().json["access_token"] as? String)
        try await harness.removeCard()
        #expect(harness.provider.sessions.snapshot?.locked == true)
        let locked = try await flow.browser.get(
            harness.issuer + "/oidc/userinfo", headers: [("Authorization", "Bearer \(access)")])
        #expect(locked.status == 401)
        try await harness.insertCard()
        let again = try await flow.login(pkce: PKCEPair())
        #expect(again.query("code") != nil)
        let unlocked = try await flow.browser.get(
            harness.issuer + "/oidc/userinfo", headers: [("Authorization", "Bearer \(access)")])
        #expect(unlocked.status == 200)
    }

    @Test("a wrong PIN shows the tries left; with one try left the page asks for explicit confirmation")
    func pinRules() async throws {
        let harness = try await BrokerHarness()
        defer { Task { await harness.stop() } }
        try await harness.insertCard(triesLeft: 2)
        let flow = LoginFlow(harness)
        let reply = try await flow.login(pkce: PKCEPair(), pin: "9999")
        #expect(reply.status == 200)
        #expect(reply.body.contains("Il ne reste qu&#39;un essai") || reply.body.contains("Il ne reste qu'un essai"))
        #expect(reply.body.contains("confirm_last_try"))
        #expect(try await harness.provider.card.pinStatus().triesLeft == 1)
        // Without the confirmation the card is not asked.
        let tx = try #require(Browser.hidden("tx", in: reply.body))
        let csrf = try #require(Browser.hidden("csrf", in: reply.body))
        _ = try await flow.browser.postForm(
            harness.issuer + "/login/pin", [("tx", tx), ("csrf", csrf), ("pin", "1234")])
        #expect(try await harness.provider.card.pinStatus().triesLeft == 1)
    }

    @Test("idle timeout ends the session and revokes its tokens")
    func idleTimeout() async throws {
        let offset = Mutex<TimeInterval>(0)
        let clock = BrokerClock { Date().addingTimeInterval(offset.withLock { $0 }) }
        let harness = try await BrokerHarness(adjust: { $0.session.idleTimeout = 60 }, clock: clock)
        defer { Task { await harness.stop() } }
        try await harness.insertCard()
        let flow = LoginFlow(harness)
        let refresh = try #require(try await flow.loginAndExchange().json["refresh_token"] as? String)
        offset.withLock { $0 = 120 }
        harness.provider.sessions.sweep()
        #expect(harness.provider.sessions.snapshot == nil)
        #expect(try await flow.refresh(refresh).json["error"] as? String == "invalid_grant")
    }
}
