import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start the simulator.")

    @Option(help: "Address to bind (loopback by default).") var host = "127.0.0.1"
    @Option(help: "Port of the main listener (0 = any free port).") var port = 0
    @Option(name: .customLong("mtls-port"), help: "Port of the mTLS listener (0 = any free port).") var mtlsPort = 0
    @Flag(help: "Serve the main listener over HTTPS with Certs/servers/psc-sim.") var tls = false
    @Option(name: .customLong("certs"), help: "The TEST PKI directory (Certs/).") var certs: String?
    @Option(help: "Fixture JSON (default: the bundled professionals.json).") var fixture: String?
    @Option(name: .customLong("access-token-lifetime")) var accessTokenLifetime: Double = 120
    @Option(name: .customLong("refresh-token-lifetime")) var refreshTokenLifetime: Double = 1800
    @Option(name: .customLong("id-token-lifetime")) var idTokenLifetime: Double = 300
    @Option(name: .customLong("clock-skew"), help: "Seconds added to the simulator's clock.") var clockSkew: Double = 0
    @Option(name: .customLong("ciba-interval")) var cibaInterval: Double = 5
    @Option(name: .customLong("ciba-expires-in")) var cibaExpiresIn: Double = 120
    @Option(name: .customLong("ciba-auto-approve"), help: "Approve CIBA requests after N seconds.")
    var cibaAutoApprove: Double?
    @Flag(name: .customLong("userinfo-jwt"), help: "Answer userinfo as a signed JWT.") var userinfoJWT = false
    @Option(name: .customLong("id-token-alg"), help: "RS256 or ES256.") var idTokenAlg = "RS256"

    func run() async throws {
        let certsURL = try Self.locateCerts(certs)
        let fixtureURL =
            fixture.map { URL(fileURLWithPath: $0) }
            ?? Bundle.module.url(forResource: "professionals", withExtension: "json", subdirectory: "Fixtures")
        guard let fixtureURL else { throw SimulatorError("bundled fixture not found") }
        var settings = Settings()
        settings.accessTokenLifetime = accessTokenLifetime
        settings.refreshTokenLifetime = refreshTokenLifetime
        settings.idTokenLifetime = idTokenLifetime
        settings.clockSkew = clockSkew
        settings.cibaInterval = cibaInterval
        settings.cibaExpiresIn = cibaExpiresIn
        settings.cibaAutoApproveAfter = cibaAutoApprove
        settings.userinfoAsJWT = userinfoJWT
        settings.idTokenAlgorithm = idTokenAlg
        let state = SimulatorState(fixture: try Fixture.load(fixtureURL), settings: settings)
        let simulator = Simulator(
            state: state, signer: JWTSigner(keys: try SigningKeys.load(certsDirectory: certsURL)), urls: ListenerURLs())

        let serverChain = certsURL.appendingPathComponent("servers/psc-sim.chain.pem").path
        let serverKey = certsURL.appendingPathComponent("servers/psc-sim.key.pem").path
        let chain = try NIOSSLCertificate.fromPEMFile(serverChain).map { NIOSSLCertificateSource.certificate($0) }
        let key = NIOSSLPrivateKeySource.privateKey(try NIOSSLPrivateKey(file: serverKey, format: .pem))
        var mtlsTLS = TLSConfiguration.makeServerConfigurationWithMTLS(
            certificateChain: chain, privateKey: key,
            trustRoots: .file(certsURL.appendingPathComponent("ca/trust-test-roots.pem").path))
        mtlsTLS.minimumTLSVersion = .tlsv12

        let mainRouter = Router(context: SimulatorContext.self)
        simulator.registerProtocol(on: mainRouter)
        simulator.registerAdmin(on: mainRouter)
        let mtlsRouter = Router(context: SimulatorContext.self)
        simulator.registerProtocol(on: mtlsRouter)
        mtlsRouter.post("/api-as/token") { request, context in await simulator.tokenExchange(request, context: context)
        }

        var logger = Logger(label: "psc-sim")
        logger.logLevel = .warning
        let ready = ReadyLine(simulator: simulator)
        let scheme = tls ? "https" : "http"
        let host = self.host
        let urlHost = host.contains(":") ? "[\(host)]" : host
        let mainServer: HTTPServerBuilder
        if tls {
            var serverTLS = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: key)
            serverTLS.minimumTLSVersion = .tlsv12
            mainServer = try .tls(.http1(), tlsConfiguration: serverTLS)
        } else {
            mainServer = .http1()
        }
        let mainApp = Application(
            router: mainRouter, server: mainServer,
            configuration: .init(address: .hostname(host, port: port), serverName: "psc-sim"),
            onServerRunning: { channel in
                simulator.urls.set(main: "\(scheme)://\(urlHost):\(channel.localAddress?.port ?? 0)")
                await ready.arrived()
            }, logger: logger)
        let mtlsApp = Application(
            router: mtlsRouter, server: try .tls(.http1(), tlsConfiguration: mtlsTLS),
            configuration: .init(address: .hostname(host, port: mtlsPort), serverName: "psc-sim-mtls"),
            onServerRunning: { channel in
                simulator.urls.set(mtls: "https://\(urlHost):\(channel.localAddress?.port ?? 0)")
                await ready.arrived()
            }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await mainApp.runService() }
            group.addTask { try await mtlsApp.runService() }
            try await group.next()
            group.cancelAll()
        }
    }

    /// `--certs`, then `$PASSERELLE_CERTS`, then a `Certs/` folder in the working directory or its parents.
    static func locateCerts(_ option: String?) throws -> URL {
        if let option { return URL(fileURLWithPath: option) }
        if let env = ProcessInfo.processInfo.environment["PASSERELLE_CERTS"] { return URL(fileURLWithPath: env) }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("Certs/psc/jwks.json")
            if FileManager.default.fileExists(atPath: candidate.path) {
                return directory.appendingPathComponent("Certs")
            }
            directory.deleteLastPathComponent()
        }
        throw SimulatorError("Certs/ not found: pass --certs <dir>")
    }
}

/// Prints the single JSON ready line once both listeners are up (design.md §8).
actor ReadyLine {
    let simulator: Simulator
    private var count = 0

    init(simulator: Simulator) { self.simulator = simulator }

    func arrived() {
        count += 1
        guard count == 2 else { return }
        let line: [String: Any] = [
            "ready": true, "psc": simulator.base, "issuer": simulator.issuer, "discovery": simulator.discoveryURL,
            "admin": simulator.base + "/admin", "mtls": simulator.mtlsBase,
            "tokenExchange": simulator.tokenExchangeEndpoint,
        ]
        if let data = try? JSONSerialization.data(
            withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])
        {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
