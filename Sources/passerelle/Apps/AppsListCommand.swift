import ArgumentParser
import Broker

struct AppsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered apps.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var socket: AdminSocketOptions

    func run() async throws {
        let client = socket.client(global)
        let answer = try await adminCall(global) { () async throws(BrokerError) -> Any in
            try await client.call("GET", "/apps")
        }
        let apps = answer as? [[String: Any]] ?? []
        if global.json {
            Output.printJSON(apps)
            return
        }
        if apps.isEmpty { print("Aucune application enregistrée.") }
        for app in apps {
            let redirects = (app["redirect_uris"] as? [String] ?? []).joined(separator: " ")
            print("\(app["client_id"] ?? "")\t\(app["kind"] ?? "")\t\(app["source"] ?? "")\t\(redirects)")
        }
    }
}
