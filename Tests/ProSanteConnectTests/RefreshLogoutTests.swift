import Foundation
import Testing

@testable import ProSanteConnect

@Suite("Refresh and logout against psc-sim")
struct RefreshLogoutTests {
    @Test("refresh rotates the refresh token and the old one is dead")
    func rotation() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let session = try await browserLogin(client)
        let renewed = try await client.refresh(session)
        #expect(renewed.tokens.refreshToken != session.tokens.refreshToken)
        #expect(renewed.tokens.accessToken != session.tokens.accessToken)
        #expect(renewed.identity == session.identity)
        do {
            _ = try await client.refresh(session)
            Issue.record("old refresh token accepted")
        } catch let error as PSCError {
            #expect(error.code == "psc.token.invalid_grant")
        }
    }

    @Test("server-side logout ends the PSC session: refresh fails afterwards")
    func serverSideLogout() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let session = try await browserLogin(client)
        try await client.logout(session)
        await #expect(throws: PSCError.self) { try await client.refresh(session) }
    }

    @Test("RP-initiated logout comes back with state, or without it, and a wrong state is refused")
    func rpInitiated() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let session = try await browserLogin(client)
        for omit in [false, true] {
            try await sim.post("/settings", ["logoutOmitState": omit])
            let receiver = try await LoopbackRedirectReceiver.start(path: "/logged-out")
            let logout = try await client.logoutRequest(for: session, postLogoutRedirectURI: receiver.redirectURI)
            #expect(!logout.url.contains(session.tokens.idToken ?? "no-id-token"))
            _ = try await Browser.get(logout.url)
            let back = try await receiver.waitForCallback(timeout: 10)
            #expect((back.state == nil) == omit)
            let query = back.state.map { "state=\($0)" } ?? ""
            try client.checkLogoutReturn(query, expected: logout)
            #expect(throws: PSCError.stateMismatch) { try client.checkLogoutReturn("state=forged", expected: logout) }
            await receiver.close()
        }
    }
}
