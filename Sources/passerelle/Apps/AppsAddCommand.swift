import ArgumentParser
import Broker

struct AppsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register an app; a confidential app's secret is shown once.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var socket: AdminSocketOptions
    @Argument(help: "Client id (A-Z a-z 0-9 . _ -).") var clientID: String
    @Option(help: "Display name.") var name: String?
    @Flag(help: "Public app (native or browser; PKCE, no secret) instead of confidential.") var `public` = false
    @Option(name: .customLong("redirect-uri"), help: "Redirect URI (repeatable).") var redirectURIs: [String] = []
    @Option(name: .customLong("origin"), help: "Browser origin allowed by CORS (repeatable).") var origins: [String] =
        []
    @Option(name: .customLong("scope"), help: "Allowed scope (repeatable; default openid profile).")
    var scopes: [String] = []
    @Option(name: .customLong("backchannel-logout-uri"), help: "OIDC back-channel logout receiver.")
    var backchannelLogoutURI: String?
    @Flag(name: .customLong("allow-ciba"), help: "Allow /oidc/ciba (native app without a browser).")
    var allowCIBA = false

    func run() async throws {
        var body: [String: Any] = [
            "client_id": clientID, "name": name ?? clientID, "kind": self.public ? "public" : "confidential",
            "redirect_uris": redirectURIs, "origins": origins,
            "scopes": scopes.isEmpty ? ["openid", "profile"] : scopes, "allow_ciba": allowCIBA,
        ]
        if let backchannelLogoutURI { body["backchannel_logout_uri"] = backchannelLogoutURI }
        let client = socket.client(global)
        let answer = try await adminCall(global) { () async throws(BrokerError) -> Any in
            try await client.call("POST", "/apps", json: body)
        }
        guard let app = answer as? [String: Any] else { return }
        if global.json {
            Output.printJSON(app)
            return
        }
        Output.printTable([
            ("Application", "\(app["client_id"] ?? clientID)"), ("Type", "\(app["kind"] ?? "")"),
            ("Redirections", (app["redirect_uris"] as? [String] ?? []).joined(separator: " ")),
        ])
        if let secret = app["client_secret"] as? String {
            print("Secret (affiché une seule fois, conservez-le) : \(secret)")
        }
    }
}
