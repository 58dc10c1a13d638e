import Foundation
import Testing

/// Runs `passerelle card …` with standard input (the PIN goes there, never in argv) and extra environment.
enum CardCLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let cardDirectory = repository.appendingPathComponent("Certs/cards").path

    static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:]
    ) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), stdoutBytes: [UInt8](stdout))
    }

    /// The in-process virtual card `card` (try counter kept in `dataDir` when given).
    static func inProcess(_ card: String = "medecin-1", dataDir: String? = nil) -> [String] {
        ["--in-process", "--card-dir", cardDirectory, "--card", card] + (dataDir.map { ["--data-dir", $0] } ?? [])
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("card-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Verifies `signature` over `file` with openssl and the public key of `certificatePEM`.
    static func opensslVerifies(signature: [UInt8], file: URL, certificatePEM: String) throws -> Bool {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificate = directory.appendingPathComponent("cert.pem")
        try certificatePEM.write(to: certificate, atomically: true, encoding: .utf8)
        let key = try Tool.run("openssl", ["x509", "-in", certificate.path, "-pubkey", "-noout"])
        let keyFile = directory.appendingPathComponent("pub.pem")
        try key.stdout.write(to: keyFile, atomically: true, encoding: .utf8)
        let signatureFile = directory.appendingPathComponent("sig")
        try Data(signature).write(to: signatureFile)
        let result = try Tool.run(
            "openssl", ["dgst", "-sha256", "-verify", keyFile.path, "-signature", signatureFile.path, file.path])
        return result.status == 0 && result.stdout.contains("Verified OK")
    }

    static func certificatePEM(_ nationalID: String) throws -> String {
        try String(contentsOfFile: "\(cardDirectory)/\(nationalID).auth.cert.pem", encoding: .utf8)
    }
}

@Suite("passerelle card … (in-process virtual card)")
struct CardCommandTests {
    @Test("status shows reader, profile, holder, serial and tries left")
    func status() throws {
        let result = try CardCLI.run(["card", "status"] + CardCLI.inProcess())
        #expect(result.status == 0, "\(result.stderr)")
        for expected in ["CPS3", "9700000013", "899700000013 (RPPS)", "MEDECIN0000001", "JEANNE", "Médecin", "3 sur 3"]
        {
            #expect(result.stdout.contains(expected), "missing \(expected) in \(result.stdout)")
        }
        let json = CardCLI.json(try CardCLI.run(["card", "status", "--json"] + CardCLI.inProcess("medecin-2")).stdout)
        #expect((json["holder"] as? [String: Any])?["nationalId"] as? String == "899700000021")
        #expect((json["pin"] as? [String: Any])?["triesLeft"] as? Int == 3)
        #expect(json["transport"] as? String == "in-process")
        #expect(json["profile"] as? String == "CPS3")
    }

    @Test("readers lists the virtual reader and its CPS3")
    func readers() throws {
        let result = try CardCLI.run(["card", "readers", "--json"] + CardCLI.inProcess())
        #expect(result.status == 0)
        let readers = CardCLI.json(result.stdout)["readers"] as? [[String: Any]] ?? []
        #expect(readers.count == 1)
        #expect(readers.first?["cardPresent"] as? Bool == true)
        #expect(readers.first?["atr"] as? String == "3BAC00402A001225006480000310009000")
    }

    @Test("the right PIN from standard input is verified; it never shows on any output")
    func rightPIN() throws {
        let result = try CardCLI.run(["card", "verify-pin"] + CardCLI.inProcess(), stdin: "1234\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Code porteur vérifié"))
        #expect(result.stderr.contains("Essais restants du code porteur : 3 sur 3"))
        #expect(!result.stdout.contains("1234") && !result.stderr.contains("1234"))
    }

    @Test("a wrong PIN exits 2 with the French message and the tries left")
    func wrongPIN() throws {
        let result = try CardCLI.run(["card", "verify-pin"] + CardCLI.inProcess(), stdin: "9999\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("Code porteur incorrect. Il reste 2 essais."))
        #expect(result.stderr.contains("[pin.wrong]"))
        let json = try CardCLI.run(["card", "verify-pin", "--json"] + CardCLI.inProcess(), stdin: "9999\n")
        #expect(json.status == 2)
        #expect((CardCLI.json(json.stdout)["error"] as? [String: Any])?["code"] as? String == "pin.wrong")
    }

    @Test("the try counter survives runs; the last try is refused unless confirmed; the right PIN resets it")
    func lastTry() throws {
        let data = try CardCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let card = CardCLI.inProcess("pharmacien-1", dataDir: data.path)
        #expect(try CardCLI.run(["card", "verify-pin"] + card, stdin: "0000\n").status == 2)
        let second = try CardCLI.run(["card", "verify-pin"] + card, stdin: "0000\n")
        #expect(second.status == 2)
        #expect(second.stderr.contains("il ne reste qu'un essai"))
        let refused = try CardCLI.run(["card", "verify-pin"] + card, stdin: "1234\n")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("[pin.last-try-confirmation-required]"))
        #expect(refused.stderr.contains("1 sur 3"))
        let status = CardCLI.json(try CardCLI.run(["card", "status", "--json"] + card).stdout)
        #expect((status["pin"] as? [String: Any])?["triesLeft"] as? Int == 1, "nothing was sent")
        let confirmed = try CardCLI.run(["card", "verify-pin", "--confirm-last-try"] + card, stdin: "1234\n")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let reset = CardCLI.json(try CardCLI.run(["card", "status", "--json"] + card).stdout)
        #expect((reset["pin"] as? [String: Any])?["triesLeft"] as? Int == 3)
    }

    @Test("a blocked card is reported and no PIN is asked for")
    func blocked() throws {
        let data = try CardCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let card = CardCLI.inProcess("infirmier-1", dataDir: data.path)
        _ = try CardCLI.run(["card", "verify-pin"] + card, stdin: "0000\n")
        _ = try CardCLI.run(["card", "verify-pin"] + card, stdin: "0000\n")
        let last = try CardCLI.run(["card", "verify-pin", "--confirm-last-try"] + card, stdin: "0000\n")
        #expect(last.status == 2)
        #expect(last.stderr.contains("[pin.blocked]"))
        let after = try CardCLI.run(["card", "verify-pin", "--confirm-last-try"] + card, stdin: "1234\n")
        #expect(after.status == 2)
        #expect(after.stderr.contains("La carte est bloquée"))
    }

    @Test("a malformed or missing PIN is refused locally and costs no try")
    func malformedPIN() throws {
        let data = try CardCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let card = CardCLI.inProcess("medecin-2", dataDir: data.path)
        let letters = try CardCLI.run(["card", "verify-pin"] + card, stdin: "12a4\n")
        #expect(letters.status == 2)
        #expect(letters.stderr.contains("[pin.invalid-format]"))
        let empty = try CardCLI.run(["card", "verify-pin"] + card, stdin: "")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("[pin.not-entered]"))
        let argument = try CardCLI.run(["card", "verify-pin", "1234"] + card, stdin: "")
        #expect(argument.status != 0, "a PIN on the command line is not an accepted argument")
        let status = CardCLI.json(try CardCLI.run(["card", "status", "--json"] + card).stdout)
        #expect((status["pin"] as? [String: Any])?["triesLeft"] as? Int == 3)
    }

    @Test("sign --in prints a signature that openssl verifies with the card certificate")
    func signFile() throws {
        let directory = try CardCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("document.txt")
        try Data("<ds:SignedInfo>assertion PS</ds:SignedInfo>".utf8).write(to: file)
        let result = try CardCLI.run(["card", "sign", "--in", file.path] + CardCLI.inProcess(), stdin: "1234\n")
        #expect(result.status == 0, "\(result.stderr)")
        let hex = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(hex.count == 512)
        #expect(result.stderr.contains("Signature vérifiée avec le certificat de la carte"))
        #expect(
            try CardCLI.opensslVerifies(
                signature: Tool.hexBytes(hex), file: file, certificatePEM: CardCLI.certificatePEM("899700000013")))
    }

    @Test("sign --digest-sha256 in base64 and JSON carries the certificate that verifies it")
    func signDigest() throws {
        let directory = try CardCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("data")
        try Data("hello".utf8).write(to: file)
        let digest = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        let result = try CardCLI.run(
            ["card", "sign", "--digest-sha256", digest, "--format", "base64", "--json"]
                + CardCLI.inProcess("medecin-2"),
            stdin: "1234\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = CardCLI.json(result.stdout)
        #expect(json["verifiedWithCertificate"] as? Bool == true)
        let signature = try #require(Data(base64Encoded: json["signature"] as? String ?? ""))
        let pem = try #require(json["certificatePEM"] as? String)
        #expect(try CardCLI.opensslVerifies(signature: [UInt8](signature), file: file, certificatePEM: pem))
    }

    @Test("sign refuses a bad digest before asking for any PIN")
    func badDigest() throws {
        let result = try CardCLI.run(
            ["card", "sign", "--digest-sha256", "abcd"] + CardCLI.inProcess(), stdin: "1234\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("[card.bad-digest]"))
        #expect(!result.stderr.contains("Essais restants"))
    }

    @Test("watch --json streams one JSON line per event, with the holder on insertion")
    func watch() throws {
        let result = try CardCLI.run(["card", "watch", "--json", "--identity", "--count", "2"] + CardCLI.inProcess())
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { CardCLI.json(String($0)) }
        #expect(lines.count == 2)
        #expect(lines.first?["event"] as? String == "reader-added")
        #expect(lines.last?["event"] as? String == "card-inserted")
        #expect((lines.last?["holder"] as? [String: Any])?["nationalId"] as? String == "899700000013")
    }

    @Test("without pcscd the PC/SC transport exits 3 with a French message")
    func noService() throws {
        let result = try CardCLI.run(
            ["card", "status"], environment: ["PCSCLITE_CSOCK_NAME": "/nonexistent/pcscd.comm"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("pcscd"))
    }

    @Test("unknown virtual card is bad input")
    func unknownCard() throws {
        let result = try CardCLI.run(["card", "status"] + CardCLI.inProcess("nobody"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("[card.unknown-virtual-card]"))
    }
}

@Suite("passerelle demo: the virtual card and the card section")
struct CardDemoTests {
    @Test("the demo starts the virtual card, writes the card section, and card commands follow its configuration")
    func demoCard() async throws {
        let directory = try CardCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = Process()
        demo.executableURL = CLIRunner.binary
        demo.arguments = ["demo", "--data-dir", directory.path]
        demo.environment = ProcessInfo.processInfo.environment.merging([
            "PASSERELLE_CERTS_DIR": CardCLI.repository.appendingPathComponent("Certs").path
        ]) { $1 }
        let out = Pipe()
        demo.standardOutput = out
        demo.standardError = FileHandle.nullDevice
        try demo.run()
        defer {
            if demo.isRunning {
                demo.interrupt()
                demo.waitUntilExit()
            }
        }
        var ready: [String: Any] = [:]
        var line = Data()
        while ready.isEmpty {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            guard let value = byte.first else { break }
            if value == 0x0A {
                let object = CardCLI.json(String(decoding: line, as: UTF8.self))
                if object["ready"] as? Bool == true { ready = object }
                line = Data()
            } else {
                line.append(value)
            }
        }
        let transport = try #require(ready["card"] as? String)
        #expect(["pcsc", "in-process"].contains(transport))
        let config = directory.appendingPathComponent("passerelle.yaml")
        let yaml = try String(contentsOf: config, encoding: .utf8)
        #expect(yaml.contains("card:\n  transport: \(transport)"))
        let status = try CardCLI.run(["card", "status", "--config", config.path, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect((CardCLI.json(status.stdout)["holder"] as? [String: Any])?["nationalId"] as? String == "899700000013")
        if transport == "pcsc", let control = ready["cardControl"] as? String {
            let virtualCPS = CLIRunner.binary.deletingLastPathComponent().appendingPathComponent("virtual-cps")
            _ = try CLIRunner.run(executable: virtualCPS, ["ctl", "--control", control, "remove"])
            try await Task.sleep(for: .seconds(1))
            let pulled = try CardCLI.run(["card", "status", "--config", config.path])
            #expect(pulled.status == 3, "card pulled through the demo's virtual-cps")
            _ = try CLIRunner.run(executable: virtualCPS, ["ctl", "--control", control, "insert"])
        }
        demo.interrupt()
        demo.waitUntilExit()
        #expect(demo.terminationStatus == 0)
    }
}
