import Foundation
import Testing

/// `passerelle ins search|verify` and `passerelle demo` as a user runs them: real binaries, real TLS.
@Suite("passerelle ins search/verify and demo against insi-sim", .serialized)
struct CLITests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var passerelle: URL? {
        if let path = ProcessInfo.processInfo.environment["PASSERELLE_BIN"] { return URL(fileURLWithPath: path) }
        guard let simulator = SimulatorProcess.binary else { return nil }
        let candidate = simulator.deletingLastPathComponent().appendingPathComponent("passerelle")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        guard let binary = passerelle else {
            throw SimulatorProcess.StartFailure(description: "passerelle binary not built next to the tests")
        }
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func configuration(_ simulator: SimulatorProcess, directory: URL) throws -> String {
        let certs = SimulatorProcess.certs("")
        let yaml = """
            insi:
              mode: mtls
              endpoints:
                mtls: "\(simulator.mtls)"
                cpx: "\(simulator.cpx)"
              tls:
                pkcs12: "\(certs)/insi/INSI-MANU.p12"
                passphraseFile: "\(certs)/insi/passphrase.txt"
                trustRoots: "\(certs)/ca/test-acr-el.cert.pem"
                serverNameSuffixes: ["127.0.0.1"]
              lps:
                idam: "ADM-PASSERELLE-TEST"
              structureId: "499700367909006"
              traceFile: "traces.jsonl"
              retries:
                attempts: 1
              cpx:
                nationalId: "899700000013"
                identifiantFacturation: "991234567"
                secteurActivite: "SA07"
                certificate: "\(certs)/cards/899700000013.auth.cert.pem"
                privateKey: "\(certs)/cards/899700000013.auth.key.pem"

            """
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("passerelle.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let adrtrois = ["--nom", "ADRTROIS", "--prenoms", "DOMINIQUE", "--sexe", "F", "--naissance", "1997-02-26"]

    @Test func searchExitCodesAndJSON() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insi-cli-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.configuration(simulator, directory: directory)
        let found = try Self.run(["ins", "search", "--config", config, "--json"] + Self.adrtrois)
        #expect(found.status == 0, "\(found.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any]
        #expect((object?["ins"] as? [String: Any])?["matricule"] as? String == "297022A020778" + "78")
        let rootOption = try Self.run(["--config", config, "ins", "search"] + Self.adrtrois)
        #expect(rootOption.status == 0, "\(rootOption.stderr)")
        let table = try Self.run(["ins", "search"] + Self.adrtrois, environment: ["PASSERELLE_CONFIG": config])
        #expect(table.status == 0 && table.stdout.contains("2A020"))
        let none = try Self.run(
            [
                "ins", "search", "--config", config, "--nom", "HOUILLES", "--prenoms", "PIERRE", "--sexe", "M",
                "--naissance", "1993-01-27",
            ])
        #expect(none.status == 1)
        let wrongKey = try Self.run(
            [
                "ins", "search", "--config", config, "--nom", "HERMANN", "--prenoms", "GATIEN", "--sexe", "M",
                "--naissance", "1981-03-24",
            ])
        #expect(wrongKey.status == 1 && wrongKey.stderr.contains("clé du matricule"))
        let before = try await simulator.requests().count
        let refused = try Self.run(
            [
                "ins", "search", "--config", config, "--nom", "DUP0NT", "--prenoms", "JEAN", "--sexe", "M",
                "--naissance", "1987-01-01",
            ])
        #expect(refused.status == 2)
        #expect(try await simulator.requests().count == before)
        try await simulator.inject("insi_102")
        let unavailable = try Self.run(["ins", "search", "--config", config] + Self.adrtrois)
        #expect(unavailable.status == 3 && unavailable.stderr.contains("indisponible"))
        try await simulator.inject("desir_560")
        let refusedCertificate = try Self.run(["ins", "search", "--config", config] + Self.adrtrois)
        #expect(refusedCertificate.status == 2 && refusedCertificate.stderr.contains("INSI-AUTO ou INSI-MANU"))
        let cpx = try Self.run(
            ["ins", "search", "--config", config] + Self.adrtrois, environment: ["PASSERELLE_INSI_MODE": "cpx"])
        #expect(cpx.status == 0, "\(cpx.stderr)")
        #expect(try await simulator.requests().last?.assertionVerified == true)
        let traces = try String(contentsOf: directory.appendingPathComponent("traces.jsonl"), encoding: .utf8)
        #expect(traces.split(separator: "\n").count == 8)
    }

    @Test func verifyOKAndKO() throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insi-cli-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.configuration(simulator, directory: directory)
        let zoe = ["--nom", "ADRUN", "--prenoms", "ZOE", "--sexe", "F", "--naissance", "1975-12-31"]
        let ok = try Self.run(
            [
                "ins", "verify", "--config", config, "--matricule", "2751263220749" + "74", "--oid",
                "1.2.250.1.213.1.4.8",
            ]
                + zoe)
        #expect(ok.status == 0 && ok.stdout.contains("OK"))
        let ko = try Self.run(
            [
                "ins", "verify", "--config", config, "--json", "--matricule", "2770763220829" + "10", "--oid",
                "1.2.250.1.213.1.4.8",
            ] + zoe)
        #expect(ko.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(ko.stdout.utf8)) as? [String: Any]
        #expect(object?["status"] as? String == "KO")
        #expect((object?["differences"] as? [[String: Any]])?.first?["field"] as? String == "matricule")
        let badKey = try Self.run(
            [
                "ins", "verify", "--config", config, "--matricule", "2751263220749" + "75", "--oid",
                "1.2.250.1.213.1.4.8",
            ]
                + zoe)
        #expect(badKey.status == 2)
    }

    @Test func demoStartsTheSimulatorWritesItsConfigurationAndStopsCleanly() async throws {
        let binary = try #require(Self.passerelle, "passerelle binary not built")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insi-demo-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = Process()
        demo.executableURL = binary
        demo.arguments = ["demo", "--data-dir", directory.path]
        var environment = ProcessInfo.processInfo.environment
        environment["PASSERELLE_CERTS_DIR"] = SimulatorProcess.certs("")
        demo.environment = environment
        let out = Pipe()
        demo.standardOutput = out
        try demo.run()
        var ready: [String: Any]?
        for line in try Self.lines(out.fileHandleForReading, upTo: 20) {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                object["ready"] as? Bool == true
            {
                ready = object
                break
            }
        }
        let insi = try #require(ready?["insi"] as? String)
        #expect(insi.hasPrefix("https://127.0.0.1:"))
        let config = directory.appendingPathComponent("passerelle.yaml").path
        let search = try Self.run(["ins", "search", "--config", config] + Self.adrtrois)
        #expect(search.status == 0, "\(search.stderr)")
        demo.interrupt()
        demo.waitUntilExit()
        #expect(demo.terminationStatus == 0)
        let after = try Self.run(
            ["ins", "search", "--config", config] + Self.adrtrois,
            environment: ["PASSERELLE_INSI_TIMEOUTS_REQUEST_SECONDS": "2"])
        #expect(after.status == 3, "the simulator must be gone with the demo")
    }

    static func lines(_ handle: FileHandle, upTo count: Int) throws -> [String] {
        var lines: [String] = []
        var current = Data()
        while lines.count < count {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { break }
            if byte.first == 0x0A {
                lines.append(String(decoding: current, as: UTF8.self))
                if current.first == UInt8(ascii: "{") { break }
                current = Data()
            } else {
                current.append(byte)
            }
        }
        return lines
    }
}
