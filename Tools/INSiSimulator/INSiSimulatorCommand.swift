import ArgumentParser
import Foundation
import NIOSSL
import X509

/// `insi-sim`: the INSi téléservice on loopback, with the test personas, both security modes and runtime fault
/// injection. Prints one JSON ready line with its URLs once every port listens.
@main
struct INSiSimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insi-sim", abstract: "INSi SOAP simulator (TEST PKI, test personas, fault injection).")

    @Option(help: "Address to listen on (loopback only).") var host = "127.0.0.1"
    @Option(help: "Port of the organisation-certificate (mTLS) endpoint; 0 = any free port.") var port = 0
    @Option(name: .customLong("cpx-port"), help: "Port of the CPx endpoint; 0 = any free port.") var cpxPort = 0
    @Option(name: .customLong("admin-port"), help: "Port of the control endpoint; 0 = any free port.")
    var adminPort = 0
    @Option(name: .customLong("certs-dir"), help: "The TEST PKI folder (default: Certs/ found upwards).")
    var certsDir: String?
    @Option(name: .customLong("server-cert"), help: "Server certificate name under Certs/servers/.")
    var serverCertificate = "insi-sim"
    @Option(help: "Personas fixture (JSON); default: the bundled Fixtures/personas.json.") var personas: String?
    @Option(name: .customLong("idam"), help: "Accepted IDAM (repeatable); default: the fixture's allow-list.")
    var idam: [String] = []
    @Flag(name: .customLong("cpx-require-client-cert"), help: "CPx endpoint requires TLS client auth (card).")
    var cpxRequireClientCertificate = false

    func run() async throws {
        guard host == "127.0.0.1" || host == "::1" || host == "localhost" else {
            throw ValidationError("insi-sim listens on loopback only")
        }
        let certs = try Self.locateCerts(certsDir)
        let fixture = try Persona.load(path: personas ?? Self.bundledPersonas())
        let root = try Self.certificate("\(certs)/ca/test-acr-el.cert.pem")
        let organisations = try Self.certificate("\(certs)/ca/test-aci-el-organisations.cert.pem")
        let personnes = try Self.certificate("\(certs)/ca/test-aci-el-personnes.cert.pem")
        let chain = try NIOSSLCertificate.fromPEMFile("\(certs)/servers/\(serverCertificate).chain.pem")
        let key = try NIOSSLPrivateKey(file: "\(certs)/servers/\(serverCertificate).key.pem", format: .pem)
        let trust = try NIOSSLCertificate.fromPEMFile("\(certs)/ca/test-acr-el.cert.pem")

        var mtlsTLS = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        mtlsTLS.minimumTLSVersion = .tlsv12
        mtlsTLS.certificateVerification = .noHostnameVerification
        mtlsTLS.trustRoots = .certificates(trust)
        var cpxTLS = mtlsTLS
        cpxTLS.certificateVerification = cpxRequireClientCertificate ? .noHostnameVerification : .none

        let state = SimulatorState()
        let directory = PersonaDirectory(personas: fixture)
        let allowed = Set(idam.isEmpty ? fixture.allowedIDAM : idam)
        let verifier = AssertionVerifier(personnesCA: personnes, root: root)
        func endpoint(_ kind: INSiEndpoint.Kind) -> INSiEndpoint {
            INSiEndpoint(
                kind: kind, state: state, directory: directory, allowedIDAM: allowed, organisationsCA: organisations,
                verifier: verifier)
        }
        let mtls = try await HTTPServer.bind(host: host, port: port, tls: try NIOSSLContext(configuration: mtlsTLS))
        let cpx = try await HTTPServer.bind(host: host, port: cpxPort, tls: try NIOSSLContext(configuration: cpxTLS))
        let admin = try await HTTPServer.bind(host: host, port: adminPort, tls: nil)
        let urlHost = host.contains(":") ? "[\(host)]" : host
        func boundPort(_ listener: HTTPServer.Listener) -> Int { listener.channel.localAddress?.port ?? 0 }
        let ready: [String: Any] = [
            "ready": true,
            "mtls": "https://\(urlHost):\(boundPort(mtls))/lps",
            "cpx": "https://\(urlHost):\(boundPort(cpx))/lps",
            "admin": "http://\(urlHost):\(boundPort(admin))",
            "personas": fixture.identities.count,
        ]
        let line = try JSONSerialization.data(withJSONObject: ready, options: [.sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(line + Data("\n".utf8))

        let mtlsEndpoint = endpoint(.mtls)
        let cpxEndpoint = endpoint(.cpx)
        let adminEndpoint = AdminEndpoint(state: state)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await HTTPServer.serve(mtls, handler: mtlsEndpoint.handle) }
            group.addTask { try await HTTPServer.serve(cpx, handler: cpxEndpoint.handle) }
            group.addTask { try await HTTPServer.serve(admin, handler: adminEndpoint.handle) }
            try await group.next()
            group.cancelAll()
        }
    }

    static func certificate(_ path: String) throws -> Certificate {
        try Certificate(pemEncoded: String(contentsOfFile: path, encoding: .utf8))
    }

    /// `--certs-dir`, else `PASSERELLE_CERTS_DIR`, else the first `Certs/` with the TEST root upwards from the
    /// working directory or from the executable.
    static func locateCerts(_ explicit: String?) throws -> String {
        if let explicit { return explicit }
        if let fromEnvironment = ProcessInfo.processInfo.environment["PASSERELLE_CERTS_DIR"] { return fromEnvironment }
        let starts = [
            FileManager.default.currentDirectoryPath,
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path,
        ]
        for start in starts {
            var directory = URL(fileURLWithPath: start)
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("Certs")
                if FileManager.default.fileExists(
                    atPath: candidate.appendingPathComponent("ca/test-acr-el.cert.pem").path)
                {
                    return candidate.path
                }
                directory.deleteLastPathComponent()
            }
        }
        throw ValidationError("TEST PKI not found: pass --certs-dir or set PASSERELLE_CERTS_DIR")
    }

    static func bundledPersonas() throws -> String {
        guard let url = Bundle.module.url(forResource: "personas", withExtension: "json", subdirectory: "Fixtures")
        else { throw ValidationError("bundled Fixtures/personas.json missing: pass --personas") }
        return url.path
    }
}
