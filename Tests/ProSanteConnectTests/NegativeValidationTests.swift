import Foundation
import Testing

@testable import ProSanteConnect

/// Every refusal is a typed error and leaves no session behind.
@Suite("ID token and callback refusals")
struct NegativeValidationTests {
    static let tokenFailures: [(String, String?, PSCError)] = [
        ("badSignature", nil, .invalidToken(.badSignature)),
        ("wrongIssuer", nil, .invalidToken(.wrongIssuer("https://attacker.invalid/auth/realms/esante-wallet"))),
        ("wrongAudience", nil, .invalidToken(.wrongAudience)),
        ("wrongAzp", nil, .invalidToken(.wrongAuthorizedParty)),
        ("wrongNonce", nil, .invalidToken(.nonceMismatch)),
        ("expired", nil, .invalidToken(.expired)),
        ("futureIat", nil, .invalidToken(.issuedInFuture)),
        ("acr", "eidas-faible", .invalidToken(.acrNotAccepted("eidas-faible"))),
        ("noneAlgorithm", nil, .invalidToken(.unsupportedAlgorithm("none"))),
        ("unknownKid", nil, .invalidToken(.unknownKey(kid: "not-a-published-key"))),
    ]

    @Test("token endpoint tampering is refused", arguments: 0..<tokenFailures.count)
    func tampered(_ index: Int) async throws {
        let (mode, value, expected) = Self.tokenFailures[index]
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        try await sim.fail("token", mode, value: value)
        await #expect(throws: expected) { try await browserLogin(client) }
    }

    static let transportFailures: [(String, String)] = [
        ("http500", "psc.unavailable"), ("http503", "psc.unavailable"), ("malformedJSON", "psc.malformed-response"),
        ("timeout", "psc.unavailable"),
    ]

    @Test("5xx, timeouts and malformed JSON at the token endpoint", arguments: 0..<transportFailures.count)
    func transport(_ index: Int) async throws {
        let (mode, code) = Self.transportFailures[index]
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        try await sim.fail("token", mode, value: "5")
        do {
            _ = try await browserLogin(client)
            Issue.record("login succeeded despite \(mode)")
        } catch let error as PSCError {
            #expect(error.code == code)
            #expect(!error.userMessage.isEmpty)
        }
    }

    @Test("discovery unavailable on first use is an unavailable error")
    func discoveryDown() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        try await sim.fail("discovery", "http503")
        await #expect(throws: PSCError.unavailable(endpoint: "discovery", detail: "HTTP 503")) {
            try await client.beginLogin()
        }
    }

    @Test("a stale discovery copy is used while PSC is unreachable")
    func staleDiscovery() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration { $0.cacheLifetime = 0 })
        defer { Task { await client.shutdown() } }
        _ = try await client.metadata()
        try await sim.fail("discovery", "http500")
        try await sim.fail("jwks", "http500")
        let metadata = try await client.metadata()
        #expect(metadata.issuer == sim.issuer)
    }

    @Test("acr outside the configured set is refused")
    func acrNotConfigured() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration { $0.acceptedACR = ["eidas3"] })
        defer { Task { await client.shutdown() } }
        await #expect(throws: PSCError.invalidToken(.acrNotAccepted("eidas1"))) { try await browserLogin(client) }
    }

    @Test("unknown kid after a key rotation triggers one JWKS refetch, then succeeds")
    func rotation() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        _ = try await browserLogin(client)
        #expect(await client.jwksFetchCount() == 1)
        try await sim.post("/rotate-keys")
        let session = try await browserLogin(client)
        #expect(session.identity.subjectNameID == "899700000013")
        #expect(await client.jwksFetchCount() == 2)
    }

    @Test("refetches for unknown kids are rate-limited")
    func refetchRateLimited() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration { $0.jwksRefetchInterval = 300 })
        defer { Task { await client.shutdown() } }
        _ = try await browserLogin(client)
        for _ in 0..<3 {
            try await sim.fail("token", "unknownKid", remaining: 1)
            await #expect(throws: PSCError.invalidToken(.unknownKey(kid: "not-a-published-key"))) {
                try await browserLogin(client)
            }
        }
        #expect(await client.jwksFetchCount() == 1)
    }

    @Test("state mismatch, replayed state and RFC 9207 iss mismatch")
    func callbackChecks() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        await #expect(throws: PSCError.stateMismatch) {
            try await client.completeLogin(CallbackParameters(code: "x", state: "forged", iss: sim.issuer))
        }
        // Replay: the first callback consumes the state.
        let receiver = try await LoopbackRedirectReceiver.start()
        defer { Task { await receiver.close() } }
        let request = try await client.beginLogin(redirectURI: receiver.redirectURI)
        try await Browser.login(request.url, nationalID: "899700000013")
        let callback = try await receiver.waitForCallback(timeout: 10)
        _ = try await client.completeLogin(callback)
        await #expect(throws: PSCError.stateMismatch) { try await client.completeLogin(callback) }
        // iss mismatch on the authorization response.
        try await sim.fail("authorize", "wrongIssuer")
        let second = try await LoopbackRedirectReceiver.start()
        defer { Task { await second.close() } }
        let request2 = try await client.beginLogin(redirectURI: second.redirectURI)
        try await Browser.login(request2.url, nationalID: "899700000013")
        let callback2 = try await second.waitForCallback(timeout: 10)
        await #expect(throws: PSCError.issuerMismatch("https://attacker.invalid/realms/esante-wallet")) {
            try await client.completeLogin(callback2)
        }
        // Missing iss while advertised.
        let request3 = try await client.beginLogin()
        await #expect(throws: PSCError.issuerMismatch(nil)) {
            try await client.completeLogin(CallbackParameters(code: "x", state: request3.state))
        }
    }

    @Test("a signed userinfo with a bad signature is refused")
    func userinfoBadSignature() async throws {
        let sim = try SimulatorProcess(["--userinfo-jwt"])
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        try await sim.fail("userinfo", "badSignature")
        await #expect(throws: PSCError.invalidToken(.badSignature)) { try await browserLogin(client) }
    }
}
