import ArgumentParser
import Foundation
import ProSanteConnect

struct PSCLoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in with Pro Santé Connect (browser code flow on a loopback redirect, or CIBA push)."
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("psc-config"), help: "PSC configuration JSON (default: <data dir>/psc.json).")
    var pscConfig: String?
    @Flag(help: "Print the authorization URL and wait on the loopback redirect.") var browser = false
    @Option(help: "National id (idNat_PS) to push a CIBA request to.") var ciba: String?
    @Option(help: "CIBA channel: MOBILE (e-CPS) or CARD (CPS through CPS-Gestion).") var channel: String = "MOBILE"
    @Option(help: "Seconds to wait for the browser.") var timeout: Double = 300

    func validate() throws {
        guard browser != (ciba != nil) else { throw ValidationError("choose exactly one of --browser or --ciba") }
        guard CIBAChannel(rawValue: channel.uppercased()) != nil else { throw ValidationError("--channel MOBILE|CARD") }
    }

    func run() async throws {
        let environment = PSCEnvironment(global: global, configPath: pscConfig)
        do throws(PSCError) {
            let client = try await environment.makeClient()
            let session: PSCSession
            do throws(PSCError) {
                session = try await login(client)
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
            try environment.saveSession(session)
            PSCWhoamiCommand.show(session, json: global.json)
        } catch {
            throw pscExit(error, json: global.json)
        }
    }

    private func login(_ client: PSCClient) async throws(PSCError) -> PSCSession {
        if let ciba, let channel = CIBAChannel(rawValue: channel.uppercased()) {
            let request = try await client.startCIBA(loginHint: ciba, channel: channel)
            Output.printError(
                "Validez la demande sur \(channel == .card ? "votre carte CPS" : "l'application e-CPS") ; "
                    + "code affiché : \(request.bindingMessage)")
            return try await client.waitForCIBA(request)
        }
        let port = URL(string: client.configuration.redirectURI)?.port ?? 0
        let path = URL(string: client.configuration.redirectURI)?.path ?? "/callback"
        let receiver = try await LoopbackRedirectReceiver.start(port: port, path: path.isEmpty ? "/callback" : path)
        do {
            let request = try await client.beginLogin(redirectURI: receiver.redirectURI)
            Output.printError("Ouvrez cette adresse dans votre navigateur pour vous connecter :")
            print(request.url)
            let callback = try await receiver.waitForCallback(timeout: timeout)
            await receiver.close()
            return try await client.completeLogin(callback)
        } catch {
            await receiver.close()
            throw error
        }
    }
}
