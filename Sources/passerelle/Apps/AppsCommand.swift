import ArgumentParser
import Broker
import Foundation

/// `passerelle apps`: registers the local applications with the running broker over its admin Unix socket.
struct AppsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps",
        abstract: "Register, list, rotate the secret of, or remove the applications allowed to log in.",
        subcommands: [AppsAddCommand.self, AppsListCommand.self, AppsRotateSecretCommand.self, AppsRemoveCommand.self])
}

/// Where the admin socket is: `--socket`, else `<data dir>/broker.sock`.
struct AdminSocketOptions: ParsableArguments {
    @Option(name: .customLong("socket"), help: "Admin socket of passerelle serve (default <data dir>/broker.sock).")
    var socket: String?

    func client(_ global: GlobalOptions) -> AdminClient {
        let dataDirectory =
            global.dataDir ?? ProcessInfo.processInfo.environment["PASSERELLE_DATA_DIR"]
            ?? (NSHomeDirectory() + "/.local/share/passerelle")
        return AdminClient(socketPath: socket ?? (dataDirectory + "/broker.sock"))
    }
}

/// Runs one admin call and maps a refusal to the exit codes of design.md §8.
func adminCall(_ global: GlobalOptions, _ body: () async throws(BrokerError) -> Any) async throws -> Any {
    do throws(BrokerError) {
        return try await body()
    } catch {
        switch error {
        case .adminUnavailable: throw report(error, json: global.json, exit: ExitStatus.dependencyUnavailable)
        case .unknownApp: throw report(error, json: global.json, exit: ExitStatus.negativeAnswer)
        default: throw report(error, json: global.json)
        }
    }
}
