import Foundation
import Synchronization
import Testing

/// `passerelle card …` through the real pcscd + vpcd + virtual-cps (stage `Tools/test.d/40-card.sh`): reader 0
/// holds medecin-1; reader 1 is used for the PIN tests with pharmacien-1.
@Suite(
    "passerelle card … through pcscd", .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["PASSERELLE_PCSCD"] == "1", "needs PASSERELLE_PCSCD=1"))
struct CardCommandThroughPCSCDTests {
    static let reader0 = "Virtual PCD 00 00"
    static let reader1 = "Virtual PCD 00 01"

    static func ctl(_ arguments: String...) throws {
        let environment = ProcessInfo.processInfo.environment
        let result = try CLIRunner.run(
            executable: URL(fileURLWithPath: environment["VIRTUAL_CPS"] ?? "virtual-cps"),
            ["ctl", "--control", environment["VIRTUAL_CPS_CONTROL"] ?? "/tmp/virtual-cps.sock"] + arguments)
        guard result.status == 0 else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: result.stdout])
        }
    }

    /// Waits until pcscd sees a card in `reader` again after a `ctl` change.
    static func waitForCard(_ reader: String) async throws {
        for _ in 0..<50 {
            let readers = CardCLI.json(try CardCLI.run(["card", "readers", "--json"]).stdout)["readers"]
            let entry = (readers as? [[String: Any]])?.first { $0["name"] as? String == reader }
            if entry?["cardPresent"] as? Bool == true {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    @Test("readers and status show both readers and the holder of reader 0")
    func status() async throws {
        // pcscd was restarted by the previous suite of the stage: give it time to list its readers again.
        try await Self.waitForCard(Self.reader0)
        try await Self.waitForCard(Self.reader1)
        let readers =
            CardCLI.json(try CardCLI.run(["card", "readers", "--json"]).stdout)["readers"] as? [[String: Any]]
        let names = Set((readers ?? []).compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: [Self.reader0, Self.reader1]))
        let result = try CardCLI.run(["card", "status", "--reader", Self.reader0, "--json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = CardCLI.json(result.stdout)
        #expect(json["transport"] as? String == "pcsc")
        #expect((json["holder"] as? [String: Any])?["nationalId"] as? String == "899700000013")
        #expect(json["serial"] as? String == "9700000013")
    }

    @Test("verify-pin through pcscd: wrong PIN exit 2 with tries left, last try refused, confirmed right PIN resets")
    func pinRules() async throws {
        try Self.ctl("select", "pharmacien-1", "--reader", "1")
        try await Task.sleep(for: .seconds(1))
        try await Self.waitForCard(Self.reader1)
        let card = ["--reader", Self.reader1]
        let first = try CardCLI.run(["card", "verify-pin"] + card, stdin: "0000\n")
        #expect(first.status == 2, "\(first.stderr)")
        #expect(first.stderr.contains("Il reste 2 essais"))
        let second = try CardCLI.run(["card", "verify-pin"] + card, stdin: "0000\n")
        #expect(second.stderr.contains("il ne reste qu'un essai"))
        let refused = try CardCLI.run(["card", "verify-pin"] + card, stdin: "1234\n")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("[pin.last-try-confirmation-required]"))
        let confirmed = try CardCLI.run(["card", "verify-pin", "--confirm-last-try"] + card, stdin: "1234\n")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let status = CardCLI.json(try CardCLI.run(["card", "status", "--json"] + card).stdout)
        #expect((status["pin"] as? [String: Any])?["triesLeft"] as? Int == 3)
    }

    @Test("sign --in through pcscd: openssl verifies the signature with the card certificate")
    func sign() throws {
        let directory = try CardCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("document")
        try Data("signé par la carte, via pcscd".utf8).write(to: file)
        let result = try CardCLI.run(
            ["card", "sign", "--in", file.path, "--reader", Self.reader0, "--json"], stdin: "1234\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = CardCLI.json(result.stdout)
        let signature = Tool.hexBytes(json["signature"] as? String ?? "")
        #expect(signature.count == 256)
        #expect(
            try CardCLI.opensslVerifies(
                signature: signature, file: file, certificatePEM: CardCLI.certificatePEM("899700000013")))
    }

    @Test("watch --json reports removal and insertion as they happen, and Ctrl-C ends it with status 0")
    func watch() async throws {
        let inReader1 = CardCLI.json(try CardCLI.run(["card", "status", "--reader", Self.reader1, "--json"]).stdout)
        let expectedHolder = try #require((inReader1["holder"] as? [String: Any])?["nationalId"] as? String)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["card", "watch", "--json", "--identity"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let lines = LineBox()
        out.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            lines.value.withLock { $0.append(contentsOf: text.split(separator: "\n").map(String.init)) }
        }
        try process.run()
        func seen(_ event: String, _ reader: String) -> Bool {
            lines.value.withLock { all in
                all.contains {
                    let json = CardCLI.json($0)
                    return json["event"] as? String == event && json["reader"] as? String == reader
                }
            }
        }
        for _ in 0..<50 where !seen("card-inserted", Self.reader1) {
            try await Task.sleep(for: .milliseconds(200))
        }
        try Self.ctl("remove", "--reader", "1")
        for _ in 0..<50 where !seen("card-removed", Self.reader1) {
            try await Task.sleep(for: .milliseconds(200))
        }
        lines.value.withLock { $0.removeAll() }
        try Self.ctl("insert", "--reader", "1")
        for _ in 0..<50 where !seen("card-inserted", Self.reader1) {
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(seen("card-inserted", Self.reader1))
        let holder = lines.value.withLock { all in
            all.map(CardCLI.json).first { $0["event"] as? String == "card-inserted" }?["holder"] as? [String: Any]
        }
        #expect(holder?["nationalId"] as? String == expectedHolder)
        process.interrupt()
        process.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0)
    }
}

/// Lines read from a child's output, shared with the pipe's reading handler.
final class LineBox: Sendable {
    let value = Mutex<[String]>([])
}
