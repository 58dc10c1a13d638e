import Foundation
import INS
import Testing

@testable import INSi

/// Faults, malformed answers, dropped connections, certificates: always a typed error, a trace, and nothing else.
@Suite("INSi faults, transport policies and TLS", .serialized)
struct FaultAndTransportTests {
    static func zoe() throws -> Traits { try ClientFactory.traits("ADRUN", "ZOE", "F", "1975-12-31") }

    static func failure(
        _ simulator: SimulatorProcess, fault: String? = nil, p12: String = "INSI-AUTO",
        idam: String = ClientFactory.idam,
        retry: RetryPolicy = .none, endpoint: String? = nil, timeout: Duration = .seconds(5)
    ) async throws -> (INSiError, [INSiTrace]) {
        if let fault { try await simulator.inject(fault) }
        let sink = InMemoryTraceSink()
        let (client, transport) = try ClientFactory.organisation(
            endpoint: endpoint ?? simulator.mtls, p12: p12, sink: sink, idam: idam, retry: retry, timeout: timeout)
        let traits = try zoe()
        let error = try await using(client, transport) { await searchFailure($0, traits) }
        return (try #require(error), await sink.traces)
    }

    @Test(arguments: [
        ("insi_102", "insi.fault.insi_102", true), ("desir_550", "insi.fault.desir_550", false),
        ("desir_560", "insi.fault.desir_560", false), ("http_503", "insi.http-503", true),
        ("malformed", "insi.malformed-response", true), ("drop", "insi.transport", true),
    ])
    func injectedFaultGivesTypedErrorAndTrace(fault: String, code: String, unavailable: Bool) async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (error, traces) = try await Self.failure(simulator, fault: fault)
        #expect(error.code == code)
        #expect(error.meansUnavailable == unavailable)
        #expect(!error.userMessage.isEmpty)
        #expect(traces.count == 1)
        #expect(traces.first?.errorCode == code)
        #expect(traces.first?.requestXML.contains("<rec:Prenom>ZOE</rec:Prenom>") == true)
        if fault != "drop" { #expect(traces.first?.responseXML != nil) }
    }

    @Test func insi102CarriesSubcodeSeverityAndMessageID() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (error, traces) = try await Self.failure(simulator, fault: "insi_102")
        guard case .fault(let fault) = error else {
            Issue.record("expected a fault, got \(error)")
            return
        }
        #expect(fault.code == "Receiver" && fault.subcode == "siram_40" && fault.severity == "erreur")
        #expect(fault.messageID == traces.first?.messageID)
    }

    @Test func wrongClientCertificateGivesDesir560InFrench() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        for p12 in ["INSI-AUTOX", "INSI-AUTO-lowercase-cn"] {
            let (error, _) = try await Self.failure(simulator, p12: p12)
            #expect(error.code == "insi.fault.desir_560")
            #expect(
                error.userMessage
                    == "Le certificat de l'établissement n'est pas accepté par le service INSi (CN attendu INSI-AUTO ou INSI-MANU)."
            )
        }
        #expect(try await simulator.requests().map(\.clientCN) == ["INSI-AUTOX", "insi-auto"])
    }

    @Test func unknownIDAMGivesDesir550() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (error, _) = try await Self.failure(simulator, idam: "INCONNU")
        #expect(error.code == "insi.fault.desir_550")
    }

    @Test func untrustedOrExpiredClientCertificateIsRefusedAtTLS() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        for p12 in ["INSI-AUTO-untrusted", "INSI-AUTO-expired"] {
            let (error, _) = try await Self.failure(simulator, p12: p12, timeout: .seconds(3))
            #expect(error.meansUnavailable, "\(p12): \(error)")
        }
        #expect(try await simulator.requests().isEmpty)
    }

    @Test(arguments: ["wrong-name", "untrusted", "expired"])
    func untrustedOrWrongNameServerIsRefused(certificate: String) async throws {
        let simulator = try SimulatorProcess(["--server-cert", certificate])
        defer { simulator.stop() }
        let (error, traces) = try await Self.failure(
            simulator, endpoint: simulator.localhost(simulator.mtls), timeout: .seconds(3))
        guard case .tls = error else {
            Issue.record("expected a TLS refusal, got \(error)")
            return
        }
        #expect(error.meansUnavailable)
        #expect(traces.first?.responseXML == nil)
        #expect(try await simulator.requests().isEmpty)
    }

    @Test func serverNameMustEndWithTheConfiguredSuffix() throws {
        let tls = INSiTLSSettings(
            trustRootsFile: SimulatorProcess.certs("ca/test-acr-el.cert.pem"), clientIdentity: .none,
            serverNameSuffixes: ["services-ps-tlsm.ameli.fr", "services-ps.ameli.fr"])
        #expect(throws: INSiError.self) { try tls.checkEndpoint("https://evil.example/lps") }
        #expect(throws: INSiError.self) { try tls.checkEndpoint("http://qualiflps-services-ps-tlsm.ameli.fr/lps") }
        try tls.checkEndpoint("https://qualiflps-services-ps-tlsm.ameli.fr:443/lps")
        try tls.checkEndpoint("https://services-ps.ameli.fr/lps")
    }

    @Test func droppedConnectionIsRetriedForASearchOnly() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        try await simulator.inject("drop", count: 2)
        let sink = InMemoryTraceSink()
        let (client, transport) = try ClientFactory.organisation(
            endpoint: simulator.mtls, sink: sink,
            retry: RetryPolicy(maximumAttempts: 3, baseDelayMilliseconds: 10, maximumDelayMilliseconds: 50))
        let traits = try Self.zoe()
        let outcome = try await using(client, transport) { try await $0.search(traits) }
        #expect(outcome.identifier?.matricule.value == "2751263220749" + "74")
        let traces = await sink.traces
        #expect(traces.map(\.attempt) == [1, 2, 3])
        #expect(traces.map(\.outcome) == [.transportError, .transportError, .found])
        // A fault is an answer: never retried.
        let (error, faultTraces) = try await Self.failure(
            simulator, fault: "insi_102", retry: RetryPolicy(maximumAttempts: 3, baseDelayMilliseconds: 1))
        #expect(error.code == "insi.fault.insi_102")
        #expect(faultTraces.count == 1)
    }

    @Test func slowAnswerHitsTheTimeout() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        try await simulator.inject("slow", delayMs: 3000)
        let (client, transport) = try ClientFactory.organisation(
            endpoint: simulator.mtls, sink: InMemoryTraceSink(), timeout: .milliseconds(500))
        let traits = try Self.zoe()
        let (error, elapsed) = try await using(client, transport) { client in
            let started = ContinuousClock.now
            let error = await searchFailure(client, traits)
            return (error, ContinuousClock.now - started)
        }
        #expect(elapsed < .milliseconds(2500), "the deadline must not wait for the answer")
        #expect(error?.code == "insi.transport")
    }

    @Test func breakerOpensAfterRepeatedTechnicalFailuresAndSaysUnavailable() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        try await simulator.inject("http_503", count: -1)
        let sink = InMemoryTraceSink()
        let (client, transport) = try ClientFactory.organisation(
            endpoint: simulator.mtls, sink: sink, breaker: .init(failureThreshold: 3, coolDownSeconds: 60))
        let traits = try Self.zoe()
        let errors: [INSiError] = try await using(client, transport) { client in
            var errors: [INSiError] = []
            for _ in 0..<5 {
                if let error = await searchFailure(client, traits) { errors.append(error) }
            }
            return errors
        }
        #expect(
            errors.map(\.code) == [
                "insi.http-503", "insi.http-503", "insi.http-503", "insi.unavailable", "insi.unavailable",
            ])
        #expect(errors.last?.userMessage.hasPrefix("Service INSi indisponible") == true)
        #expect(await sink.traces.count == 3)
        #expect(try await simulator.requests().count == 3)
    }

    @Test func traceSinkFailureMeansTheAnswerIsNotUsed() async throws {
        struct BrokenSink: INSiTraceSink {
            func record(_ trace: INSiTrace) async throws { throw CocoaError(.fileWriteNoPermission) }
        }
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (client, transport) = try ClientFactory.organisation(endpoint: simulator.mtls, sink: BrokenSink())
        let traits = try Self.zoe()
        let error = try await using(client, transport) { await searchFailure($0, traits) }
        #expect(error?.code == "insi.trace")
    }

    @Test func jsonLinesSinkKeepsEveryCallWithRawXML() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("insi-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (client, transport) = try ClientFactory.organisation(
            endpoint: simulator.mtls, sink: JSONLinesTraceSink(path: path))
        let traits = try ClientFactory.traits("TCHITCHI", "OLA CATARINA", "F", "1936-06-21")
        _ = try await using(client, transport) { try await $0.search(traits) }
        let traces = try JSONLinesTraceSink.read(path: path)
        #expect(traces.map(\.codeCR) == ["01", "00"])
        #expect(traces.last?.responseXML?.contains("CATARINA BELLA") == true)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
