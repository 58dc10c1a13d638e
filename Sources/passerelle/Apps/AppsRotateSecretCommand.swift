import ArgumentParser
import Broker

struct AppsRotateSecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-secret", abstract: "Give a confidential app a new secret (shown once).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var socket: AdminSocketOptions
    @Argument(help: "Client id.") var clientID: String

    func run() async throws {
        let client = socket.client(global)
        let path = "/apps/\(clientID)/rotate-secret"
        let answer = try await adminCall(global) { () async throws(BrokerError) -> Any in
            try await client.call("POST", path)
        }
        let object = answer as? [String: Any] ?? [:]
        if global.json {
            Output.printJSON(object)
        } else {
            print("Nouveau secret de \(clientID) (affiché une seule fois) : \(object["client_secret"] ?? "")")
        }
    }
}
