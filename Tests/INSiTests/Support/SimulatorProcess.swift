import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Starts the built `insi-sim` as a subprocess and talks to its control port.
final class SimulatorProcess: @unchecked Sendable {
    let process: Process
    let mtls: String
    let cpx: String
    let admin: String

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func certs(_ path: String) -> String { repositoryRoot.appendingPathComponent("Certs/\(path)").path }

    /// Next to the test bundle in the build products directory, or beside `PASSERELLE_BIN`.
    static var binary: URL? {
        if let bin = ProcessInfo.processInfo.environment["PASSERELLE_BIN"] {
            let candidate = URL(fileURLWithPath: bin).deletingLastPathComponent().appendingPathComponent("insi-sim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("insi-sim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    init(_ arguments: [String] = []) throws {
        guard let binary = Self.binary else {
            throw StartFailure(description: "insi-sim binary not found next to the tests: run `swift build` first")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--port", "0", "--certs-dir", Self.certs("")] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        try process.run()
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { throw StartFailure(description: "insi-sim exited before its ready line") }
            if byte.first == 0x0A { break }
            line.append(byte)
        }
        guard let ready = try JSONSerialization.jsonObject(with: line) as? [String: Any],
            ready["ready"] as? Bool == true, let mtls = ready["mtls"] as? String, let cpx = ready["cpx"] as? String,
            let admin = ready["admin"] as? String
        else { throw StartFailure(description: "unexpected ready line \(String(decoding: line, as: UTF8.self))") }
        self.process = process
        self.mtls = mtls
        self.cpx = cpx
        self.admin = admin
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// `localhost` form of an endpoint URL (host-name verification against the certificate's DNS SAN).
    func localhost(_ url: String) -> String { url.replacingOccurrences(of: "127.0.0.1", with: "localhost") }

    func inject(_ fault: String, count: Int = 1, delayMs: Int? = nil) async throws {
        var body: [String: Any] = ["fault": fault, "count": count]
        if let delayMs { body["delayMs"] = delayMs }
        _ = try await adminRequest("POST", "/faults", body: try JSONSerialization.data(withJSONObject: body))
    }

    struct Received: Decodable {
        let endpoint: String
        let clientCN: String?
        let action: String?
        let messageID: String?
        let idam: String?
        let emetteur: String?
        let nomNaissance: String?
        let prenom: String?
        let sexe: String?
        let dateNaissance: String?
        let lieuNaissance: String?
        let assertionVerified: Bool?
        let answer: String
        let xml: String
    }

    func requests() async throws -> [Received] {
        let data = try await adminRequest("GET", "/requests", body: nil)
        return try JSONDecoder().decode([Received].self, from: data)
    }

    private func adminRequest(_ method: String, _ path: String, body: Data?) async throws -> Data {
        guard let url = URL(string: admin + path) else { throw StartFailure(description: "bad admin URL") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }
}
