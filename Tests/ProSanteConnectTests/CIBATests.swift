import Foundation
import Testing

@testable import ProSanteConnect

@Suite("CIBA poll mode against psc-sim")
struct CIBATests {
    static let fast = ["--ciba-interval", "1"]

    @Test("approved from the admin endpoint")
    func approve() async throws {
        let sim = try SimulatorProcess(Self.fast)
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let request = try await client.startCIBA(loginHint: "899700000047", channel: .card)
        #expect(request.bindingMessage.count == 2 && Int(request.bindingMessage) != nil)
        let state = try await sim.stateJSON()
        let pending = try #require((state["ciba"] as? [[String: Any]])?.first)
        #expect(pending["binding_message"] as? String == request.bindingMessage)
        #expect(pending["channel"] as? String == "CARD")
        try await Task.sleep(nanoseconds: 1_500_000_000)
        try await sim.post("/ciba/latest/approve")
        let session = try await client.waitForCIBA(request)
        #expect(session.identity.subjectNameID == "899700000047")
        #expect(session.method == "ciba:CARD")
    }

    @Test("approved automatically after a delay")
    func autoApprove() async throws {
        let sim = try SimulatorProcess(Self.fast + ["--ciba-auto-approve", "2"])
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let request = try await client.startCIBA(loginHint: "899700000013", channel: .mobile)
        let session = try await client.waitForCIBA(request)
        #expect(session.identity.subjectNameID == "899700000013")
    }

    @Test("denied gives cibaDenied and no session")
    func deny() async throws {
        let sim = try SimulatorProcess(Self.fast)
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let request = try await client.startCIBA(loginHint: "899700000013", channel: .mobile)
        try await sim.post("/ciba/latest/deny")
        await #expect(throws: PSCError.cibaDenied) { try await client.waitForCIBA(request) }
    }

    @Test("expired from the admin endpoint gives cibaExpired")
    func expire() async throws {
        let sim = try SimulatorProcess(Self.fast)
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let request = try await client.startCIBA(loginHint: "899700000013", channel: .mobile)
        try await sim.post("/ciba/latest/expire")
        await #expect(throws: PSCError.cibaExpired) { try await client.waitForCIBA(request) }
    }

    @Test("expires_in elapsing gives cibaExpired")
    func timeout() async throws {
        let sim = try SimulatorProcess(Self.fast + ["--ciba-expires-in", "3"])
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let request = try await client.startCIBA(loginHint: "899700000013", channel: .mobile)
        await #expect(throws: PSCError.cibaExpired) { try await client.waitForCIBA(request) }
    }

    @Test("slow_down adds five seconds to the interval, then the login completes")
    func slowDown() async throws {
        let sim = try SimulatorProcess(Self.fast)
        // Advertise 1 s but enforce 3 s: the client's second poll is too fast.
        try await sim.post("/settings", ["cibaMinimumPollInterval": 3])
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let request = try await client.startCIBA(loginHint: "899700000013", channel: .mobile)
        // Approve only once the provider has answered slow_down, whatever the machine's load.
        let approver = Task {
            for _ in 0..<300 {
                let stats = try await sim.stateJSON()["stats"] as? [String: Int]
                if (stats?["slow_down"] ?? 0) >= 1 { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            try await sim.post("/ciba/latest/approve")
        }
        let session = try await client.waitForCIBA(request)
        try await approver.value
        #expect(session.identity.subjectNameID == "899700000013")
        // Polls at ~1 s (pending) and ~2 s (slow_down); after that the client waits 6 s and succeeds, with no
        // further slow_down: the interval was raised by five seconds.
        let stats = try #require(try await sim.stateJSON()["stats"] as? [String: Int])
        #expect(stats["slow_down"] == 1)
    }

    @Test("cancelling the polling task gives cibaCancelled")
    func cancel() async throws {
        let sim = try SimulatorProcess(Self.fast)
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let request = try await client.startCIBA(loginHint: "899700000013", channel: .mobile)
        let task = Task { try await client.waitForCIBA(request) }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        await #expect(throws: PSCError.cibaCancelled) { try await task.value }
    }

    @Test("unknown login_hint and bad binding message are refused by the provider")
    func badRequests() async throws {
        let sim = try SimulatorProcess(Self.fast)
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        await #expect(throws: PSCError.self) { try await client.startCIBA(loginHint: "899799999999", channel: .card) }
        await #expect(throws: PSCError.self) {
            try await client.startCIBA(loginHint: "899700000013", channel: .card, bindingMessage: "123")
        }
    }
}
