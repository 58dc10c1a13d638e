import ArgumentParser
import IdentityStore

struct ShowIdentityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one identity.")

    @Argument(help: "Identity id (UUID).")
    var id: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let uuid = try identityID(id, json: global.json)
        let record = try await store.withDatabase(global) { database throws(StoreError) in
            try await database.identity(uuid)
        }
        IdentityPresentation.show(record, json: global.json)
    }
}
