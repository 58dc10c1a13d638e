import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import ProSanteConnect

/// A `psc-sim` child process started for one test, with its ready-line URLs.
final class SimulatorProcess: @unchecked Sendable {
    let process: Process
    let psc: String
    let issuer: String
    let admin: String
    let mtls: String
    let tokenExchange: String

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var certs: URL { repositoryRoot.appendingPathComponent("Certs") }

    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["PSC_SIM_BIN"] { return URL(fileURLWithPath: path) }
        var directory = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("psc-sim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw SimulatorLaunchError("psc-sim binary not found next to the test bundle: run `swift build` first")
    }

    init(_ arguments: [String] = []) throws {
        process = Process()
        process.executableURL = try Self.binary()
        process.arguments = ["serve", "--certs", Self.certs.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let handle = output.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { throw SimulatorLaunchError("psc-sim exited before its ready line") }
            if byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let ready = try JSONSerialization.jsonObject(with: line) as? [String: Any],
            ready["ready"] as? Bool == true, let psc = ready["psc"] as? String, let issuer = ready["issuer"] as? String,
            let admin = ready["admin"] as? String, let mtls = ready["mtls"] as? String,
            let exchange = ready["tokenExchange"] as? String
        else { throw SimulatorLaunchError("bad ready line: \(String(decoding: line, as: UTF8.self))") }
        self.psc = psc
        self.issuer = issuer
        self.admin = admin
        self.mtls = mtls
        self.tokenExchange = exchange
    }

    deinit {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    func configuration(
        authentication: ClientAuthentication = .clientSecretBasic(secret: "TEST-secret-passerelle"),
        _ adjust: (inout PSCConfiguration) -> Void = { _ in }
    ) -> PSCConfiguration {
        var configuration = PSCConfiguration(
            issuer: issuer, clientID: "passerelle", clientAuthentication: authentication,
            trustRootsPEM: Self.certs.appendingPathComponent("ca/trust-test-roots.pem").path, requestTimeout: 3,
            jwksRefetchInterval: 0)
        adjust(&configuration)
        return configuration
    }

    /// POST a JSON body to an admin endpoint.
    func post(_ path: String, _ body: [String: Any] = [:]) async throws {
        var request = HTTPClientRequest(url: admin + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        _ = try await response.body.collect(upTo: 1 << 20)
        #expect(response.status == .ok, "admin \(path) answered \(response.status)")
    }

    func fail(_ endpoint: String, _ mode: String, value: String? = nil, remaining: Int? = nil) async throws {
        var body: [String: Any] = ["endpoint": endpoint, "mode": mode]
        if let value { body["value"] = value }
        if let remaining { body["remaining"] = remaining }
        try await post("/failures", body)
    }

    func stateJSON() async throws -> [String: Any] {
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: admin + "/state"), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }
}

struct SimulatorLaunchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
