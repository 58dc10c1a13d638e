import ArgumentParser
import Broker
import Foundation
import INS
import Observability
import PasserelleAPI
import PasserelleConfiguration
import ProSanteConnect

/// `passerelle serve`: the local SSO broker (OpenID Provider on loopback, login pages, admin socket).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the local SSO broker (OpenID Provider on 127.0.0.1, login pages, admin socket).",
        discussion: """
            Prints one JSON line once it listens: {"ready":true,"broker":"http://127.0.0.1:4747",…}. \
            Settings come from the broker: section of the configuration; options override them.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Loopback address to bind (127.0.0.1, ::1 or localhost).") var host: String?
    @Option(help: "Port (0 = any free port; default 4747).") var port: Int?
    @Option(help: "Issuer URL (default http://<host>:<port>).") var issuer: String?
    @Option(name: .customLong("psc-config"), help: "PSC configuration JSON (default <data dir>/psc.json if present).")
    var pscConfig: String?
    @Option(name: .customLong("apps-file"), help: "JSON list of apps declared by the administrator.")
    var appsFile: String?
    @Option(name: .customLong("card-removal"), help: "logout, lock or ignore.") var cardRemoval: String?
    @Option(name: .customLong("login-method"), help: "ciba or browser.") var loginMethod: String?
    @Option(name: .customLong("idle-timeout"), help: "Session idle timeout, seconds.") var idleTimeout: Double?
    @Option(name: .customLong("allowed-host"), help: "Extra accepted Host header value (repeatable).")
    var allowedHosts: [String] = []
    @Option(
        name: .customLong("in-process-card"),
        help: "Use this virtual CPS (e.g. medecin-1) inside the broker instead of PC/SC (demo, TEST keys only).")
    var inProcessCard: String?
    @Option(name: .customLong("card-dir"), help: "Virtual cards folder for --in-process-card (default Certs/cards).")
    var cardDirectory = "Certs/cards"

    func run() async throws {
        let started = Date()
        var settings: BrokerSettings
        let wiring: APIWiring
        do throws(AnyPasserelleError) {
            let configuration: PasserelleConfiguration?
            do { configuration = try await OptionalConfiguration.load(global) } catch {
                throw AnyPasserelleError(error)
            }
            LogOptions.bootstrap(configuration?.logging, defaultFormat: .json)
            settings = try await ServeSettings.build(self, configuration: configuration)
            wiring = try await APIWiring.open(configuration: configuration, dataDirectory: settings.dataDirectory)
        } catch {
            throw report(error, json: global.json)
        }
        settings.uploads = PasserelleAPI.uploads
        let server: BrokerServer
        let services = wiring.services
        do throws(BrokerError) {
            server = try BrokerServer(settings: settings) { router, provider in
                PasserelleAPI.mount(on: router, provider: provider, services: services)
            }
        } catch {
            await wiring.close()
            throw report(error, json: global.json)
        }
        let socket = settings.adminSocketPath
        do {
            try await run(server, socket: socket, started: started)
        } catch {
            await wiring.close()
            throw error
        }
        await wiring.close()
    }

    private func run(_ server: BrokerServer, socket: String, started: Date) async throws {
        try await server.run { issuer in
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            // Straight to the file descriptor: a piped stdout is block-buffered and the ready line must go now.
            let line: [String: Any] = [
                "ready": true, "broker": issuer, "adminSocket": socket, "startupMs": milliseconds,
                "discovery": issuer + "/.well-known/openid-configuration", "api": issuer + "/api/v1",
                "openapi": issuer + "/api/v1/openapi.json",
            ]
            let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
            if let data = try? JSONSerialization.data(withJSONObject: line, options: options) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        }
    }
}
