import ArgumentParser
import Foundation
import IdentityStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct ExportIdentitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export every identity as JSON Lines or as a FHIR Bundle (audited).")

    @Option(name: .long, help: "jsonl or fhir.")
    var format: String = "jsonl"

    @Option(name: .long, help: "Output file, created 0600 (default: standard output).")
    var output: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        guard let chosen = IdentityExporter.Format(rawValue: format) else {
            throw fail(.invalidInput(field: "format", reason: "jsonl ou fhir attendu"), json: global.json)
        }
        let handle: FileHandle
        if let output {
            // Exports hold matricules: private to the operator, like the base itself.
            let descriptor = open(output, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw fail(.invalidInput(field: "output", reason: "impossible d'écrire \(output)"), json: global.json)
            }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        } else {
            handle = FileHandle.standardOutput
        }
        let actor = store.actorName
        let count = try await store.withDatabase(global) { database throws(StoreError) in
            try await IdentityExporter.run(chosen, from: database, actor: actor) { text in
                handle.write(Data(text.utf8))
            }
        }
        if output != nil {
            try? handle.close()
            Output.printError("\(count) identité(s) exportée(s).")
        }
    }
}
