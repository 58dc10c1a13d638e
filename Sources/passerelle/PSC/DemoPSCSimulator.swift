import Foundation
import ProSanteConnect

/// The `psc-sim` child of `passerelle demo`: started from the same bin directory on free ports, ready line read,
/// and the PSC client configuration of the demo derived from it. CIBA requests are approved automatically after
/// three seconds unless `PASSERELLE_DEMO_MANUAL_CIBA=1` (then `psc-sim ciba approve --admin …` answers them).
final class DemoPSCSimulator: @unchecked Sendable {
    let process: Process
    let base: String
    let issuer: String
    let admin: String
    let certs: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let clientSecret = "TEST-secret-passerelle"

    init(certs: String) throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let binary = directory.appendingPathComponent("psc-sim")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Failure(description: "psc-sim not found next to passerelle in \(directory.path): build it first")
        }
        let process = Process()
        process.executableURL = binary
        var arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--certs", certs]
        if ProcessInfo.processInfo.environment["PASSERELLE_DEMO_MANUAL_CIBA"] != "1" {
            arguments += ["--ciba-auto-approve", "3"]
        }
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        try process.run()
        let handle = out.fileHandleForReading
        var line = Data()
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { throw Failure(description: "psc-sim exited before its ready line") }
            if byte.first == 0x0A { break }
            line.append(byte)
        }
        guard let ready = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
            ready["ready"] as? Bool == true, let base = ready["psc"] as? String,
            let issuer = ready["issuer"] as? String, let admin = ready["admin"] as? String
        else {
            process.terminate()
            throw Failure(description: "unexpected psc-sim ready line: \(String(decoding: line, as: UTF8.self))")
        }
        self.process = process
        self.base = base
        self.issuer = issuer
        self.admin = admin
        self.certs = certs
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    var configuration: PSCConfiguration {
        PSCConfiguration(
            issuer: issuer, clientID: "passerelle",
            clientAuthentication: .clientSecretBasic(secret: Self.clientSecret),
            redirectURI: "http://127.0.0.1:0/callback", postLogoutRedirectURI: "http://127.0.0.1:0/logged-out",
            trustRootsPEM: "\(certs)/ca/trust-test-roots.pem")
    }

    /// `D/psc.json` (read by `passerelle psc …`), mode 0600 since it holds the demo client secret.
    func writeConfiguration(dataDirectory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("psc.json").path
        guard
            FileManager.default.createFile(
                atPath: path, contents: try encoder.encode(configuration), attributes: [.posixPermissions: 0o600])
        else { throw Failure(description: "cannot write \(path)") }
    }

    /// The `psc` section of the demo's `passerelle.yaml`.
    var yamlSection: String {
        """

        psc:
          issuer: "\(issuer)"
          discovery: "\(issuer)/.well-known/wallet-openid-configuration"
          client_id: "passerelle"
          client_authentication: "client_secret_basic"
          client_secret: "\(Self.clientSecret)"
          scopes: ["openid", "scope_all"]
          acr_values: ["eidas1"]
          accepted_acr: ["eidas1", "eidas2", "eidas3"]
          redirect_uri: "http://127.0.0.1:0/callback"
          trust_roots: "\(certs)/ca/trust-test-roots.pem"
          simulator_admin: "\(admin)"

        """
    }
}
