import ArgumentParser
import IdentityStore

struct DuplicatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates", abstract: "Probable duplicates of one identity (exit 1 when there are none).")

    @Argument(help: "Identity id (UUID).")
    var id: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let uuid = try identityID(id, json: global.json)
        let candidates = try await store.withDatabase(global) { database throws(StoreError) in
            try await database.probableDuplicates(of: uuid)
        }
        if global.json {
            Output.printJSON(
                candidates.map { candidate in
                    [
                        "identity": IdentityExporter.jsonObject(candidate.identity),
                        "reasons": candidate.reasons.map(\.rawValue),
                    ]
                })
        } else if candidates.isEmpty {
            print("Aucun doublon probable.")
        } else {
            for candidate in candidates {
                print(IdentityPresentation.line(candidate.identity))
                print("    motif : " + candidate.reasons.map(\.label).joined(separator: " ; "))
            }
        }
        if candidates.isEmpty { throw ExitStatus.negativeAnswer }
    }
}
