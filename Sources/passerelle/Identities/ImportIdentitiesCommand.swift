import ArgumentParser
import Foundation
import IdentityStore

struct ImportIdentitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import identities from a CSV file; bad lines are reported and skipped (exit 2 if any).",
        discussion: """
            Header line required; `,` or `;`. Columns: nom, prenoms, sexe, naissance (required), lieu, \
            matricule, oid, nom_utilise, prenom_utilise.
            """)

    @Argument(help: "CSV file.")
    var file: String

    @Option(name: .customLong("batch-size"), help: "Identities per transaction.")
    var batchSize = 2_000

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let actor = store.actorName
        let path = file
        let size = batchSize
        let result = try await store.withDatabase(global) { database throws(StoreError) in
            try await CSVImporter.run(path: path, into: database, actor: actor, batchSize: size) { progress in
                ProgressBar.draw(progress)
            }
        }
        ProgressBar.finish()
        if global.json {
            Output.printJSON([
                "imported": result.imported,
                "rejected": result.errors.map { error in
                    [
                        "line": error.line, "field": error.field, "code": error.code, "message": error.message,
                        "detail": error.detail,
                    ] as [String: Any]
                },
            ])
        } else {
            print("\(result.imported) identité(s) importée(s), \(result.errors.count) ligne(s) refusée(s).")
            for error in result.errors {
                print("ligne \(error.line), champ \(error.field) : \(error.message) [\(error.code)]")
            }
        }
        if !result.errors.isEmpty { throw ExitStatus.badInput }
    }
}

/// A one-line progress bar on standard error (standard output stays clean for `--json`).
enum ProgressBar {
    static func draw(_ progress: ImportProgress) {
        let fraction = progress.totalBytes > 0 ? Double(progress.bytesRead) / Double(progress.totalBytes) : 0
        let width = 30
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let text =
            "\r[\(bar)] \(Int(fraction * 100))%  \(progress.imported) importée(s), \(progress.rejected) refusée(s)"
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
