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

    @Option(
        name: .customLong("batch-size"),
        help: "Lines per transaction; each committed batch is acknowledged on standard error.")
    var batchSize = CSVImporter.defaultBatchSize

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let actor = store.actorName
        let path = file
        let size = batchSize
        let result = try await store.withDatabase(global) { database throws(StoreError) in
            try await CSVImporter.run(path: path, into: database, actor: actor, batchSize: size) { progress in
                ProgressBar.acknowledge(progress)
            }
        }
        if result.rebuiltIndexes {
            FileHandle.standardError.write(Data("index reconstruits\n".utf8))
        }
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

/// Progress on standard error (standard output stays clean for `--json`): one line per committed batch, which
/// is also the acknowledgement — every line of the file up to `settledThroughLine` is stored or reported and
/// survives a crash, so an interrupted import is resumed after that line.
enum ProgressBar {
    static func acknowledge(_ progress: ImportProgress) {
        let fraction = progress.totalBytes > 0 ? Double(progress.bytesRead) / Double(progress.totalBytes) : 0
        let width = 30
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let counts = "\(progress.imported) importée(s), \(progress.rejected) refusée(s)"
        let text =
            progress.finished
            ? "[\(bar)] \(Int(fraction * 100)) %  fin du fichier (ligne \(progress.settledThroughLine)) : \(counts)\n"
            : "[\(bar)] \(Int(fraction * 100)) %  lot \(progress.committedBatches) validé jusqu'à la ligne "
                + "\(progress.settledThroughLine) : \(counts)\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
