import ArgumentParser
import Broker

struct AppsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an app.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var socket: AdminSocketOptions
    @Argument(help: "Client id.") var clientID: String

    func run() async throws {
        let client = socket.client(global)
        let path = "/apps/\(clientID)"
        let answer = try await adminCall(global) { () async throws(BrokerError) -> Any in
            try await client.call("DELETE", path)
        }
        if global.json {
            Output.printJSON(answer as? [String: Any] ?? [:])
        } else {
            print("Application \(clientID) supprimée.")
        }
    }
}
