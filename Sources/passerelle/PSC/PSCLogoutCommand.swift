import ArgumentParser
import Foundation
import ProSanteConnect

struct PSCLogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "Log out of Pro Santé Connect (server side) and forget the session.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("psc-config"), help: "PSC configuration JSON (default: <data dir>/psc.json).")
    var pscConfig: String?

    func run() async throws {
        let environment = PSCEnvironment(global: global, configPath: pscConfig)
        do throws(PSCError) {
            let session = try environment.loadSession()
            let client = try await environment.makeClient()
            do throws(PSCError) {
                try await client.logout(session)
            } catch {
                await client.shutdown()
                // The local session goes anyway: an explicit logout must not leave tokens on disk.
                environment.deleteSession()
                throw error
            }
            await client.shutdown()
            environment.deleteSession()
            if global.json { Output.printJSON(["loggedOut": true]) } else { print("Déconnecté de Pro Santé Connect.") }
        } catch {
            throw pscExit(error, json: global.json)
        }
    }
}
