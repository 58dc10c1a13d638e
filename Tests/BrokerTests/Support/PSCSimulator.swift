import Foundation
import ProSanteConnect
import Synchronization

/// Children still running when the test process exits (a harness stopped by an unstructured task may not get
/// there in time): terminated from `atexit` so no simulator outlives the run.
private let runningSimulators = Mutex<Set<Int32>>([])
private let exitHook: Void = {
    atexit {
        for pid in runningSimulators.withLock({ $0 }) { kill(pid, SIGTERM) }
    }
}()

/// A `psc-sim` child process (built next to the test bundle) with CIBA auto-approval for the broker's logins.
final class PSCSimulator: @unchecked Sendable {
    let process = Process()
    let issuer: String
    let admin: String

    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["PSC_SIM_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("psc-sim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw HarnessError("psc-sim binary not found next to the test bundle: run `swift build` first")
    }

    init(autoApprove: Double? = 0.2) throws {
        process.executableURL = try Self.binary()
        var arguments = [
            "serve", "--certs", VirtualCardSource.repository.appendingPathComponent("Certs").path,
            "--ciba-interval", "1",
        ]
        if let autoApprove { arguments += ["--ciba-auto-approve", "\(autoApprove)"] }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        _ = exitHook
        try process.run()
        let pid = process.processIdentifier
        runningSimulators.withLock { _ = $0.insert(pid) }
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { throw HarnessError("psc-sim exited before its ready line") }
            if byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let ready = try JSONSerialization.jsonObject(with: line) as? [String: Any],
            let issuer = ready["issuer"] as? String, let admin = ready["admin"] as? String
        else { throw HarnessError("bad psc-sim ready line") }
        self.issuer = issuer
        self.admin = admin
    }

    deinit {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let pid = process.processIdentifier
        runningSimulators.withLock { _ = $0.remove(pid) }
    }

    var configuration: PSCConfiguration {
        PSCConfiguration(
            issuer: issuer, clientID: "passerelle",
            clientAuthentication: .clientSecretBasic(secret: "TEST-secret-passerelle"),
            redirectURI: "http://127.0.0.1/callback",
            trustRootsPEM: VirtualCardSource.repository.appendingPathComponent("Certs/ca/trust-test-roots.pem").path,
            requestTimeout: 3, jwksRefetchInterval: 0)
    }
}
