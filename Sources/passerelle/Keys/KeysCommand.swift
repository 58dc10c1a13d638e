import ArgumentParser
import Broker
import Foundation
import INS

/// `passerelle keys`: the broker's ID-token signing keys, over the running broker's admin Unix socket.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Export the broker's public signing keys (JWKS) or rotate the signing key.",
        subcommands: [KeysExportCommand.self, KeysRotateCommand.self])
}

/// Writes the public JWKS (never a private key) for an application that verifies the broker's ID tokens offline.
struct KeysExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print (or write with --out) the public JWKS of the running broker.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var socket: AdminSocketOptions
    @Option(help: "File to write instead of standard output.") var out: String?

    func run() async throws {
        let client = socket.client(global)
        let answer = try await adminCall(global) { () async throws(BrokerError) -> Any in
            try await client.call("GET", "/keys")
        }
        let keys = (answer as? [String: Any])?["keys"] as? [[String: Any]] ?? []
        guard !keys.isEmpty, keys.allSatisfy({ $0["d"] == nil }) else {
            throw report(BrokerError.storage("the broker answered no public key set"), json: global.json)
        }
        let text = JSONText.string(answer) + "\n"
        guard let out else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw report(OutputFileError(path: out, reason: "\(error)"), json: global.json)
        }
        Output.printError("Clés publiques (\(keys.count)) écrites dans \(out)")
    }
}

/// A new signing key now; the previous ones stay published for the configured overlap.
struct KeysRotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate", abstract: "Sign new ID tokens with a new key (the old ones stay published).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var socket: AdminSocketOptions

    func run() async throws {
        let client = socket.client(global)
        let answer = try await adminCall(global) { () async throws(BrokerError) -> Any in
            try await client.call("POST", "/keys/rotate")
        }
        let object = answer as? [String: Any] ?? [:]
        if global.json {
            Output.printJSON(object)
        } else {
            let published = (object["published"] as? [String] ?? []).joined(separator: ", ")
            print("Nouvelle clé de signature : \(object["kid"] ?? "?") (clés publiées : \(published))")
        }
    }
}
