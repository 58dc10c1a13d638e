import ArgumentParser
import INS
import IdentityStore

struct SearchIdentitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search identities by traits, by matricule or by partial name.",
        subcommands: [ByTraits.self, ByMatricule.self, ByName.self])

    static func run(_ query: IdentitySearch, limit: Int, store: StoreOptions, global: GlobalOptions) async throws {
        let found = try await store.withDatabase(global) { database throws(StoreError) in
            try await database.search(query, limit: limit)
        }
        IdentityPresentation.list(found, json: global.json)
        if found.isEmpty { throw ExitStatus.negativeAnswer }
    }

    struct ByTraits: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "traits", abstract: "The five traits, compared in INSi normal form.")
        @OptionGroup var traits: TraitsOptions
        @Option(name: .long, help: "Maximum number of results.") var limit = 50
        @OptionGroup var store: StoreOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let typed: Traits
            do { typed = try traits.traits() } catch { throw report(error, json: global.json) }
            try await SearchIdentitiesCommand.run(.traits(typed), limit: limit, store: store, global: global)
        }
    }

    struct ByMatricule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "matricule", abstract: "A matricule INS.")
        @Argument(help: "The 15 characters; spaces are ignored.") var matricule: String
        @Option(name: .long, help: "Maximum number of results.") var limit = 50
        @OptionGroup var store: StoreOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await SearchIdentitiesCommand.run(.matricule(matricule), limit: limit, store: store, global: global)
        }
    }

    struct ByName: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "name", abstract: "Beginning of the nom de naissance, optionally a space and of the prénom.")
        @Argument(help: "e.g. \"DUP\" or \"DUP JEA\".") var text: String
        @Option(name: .long, help: "Maximum number of results.") var limit = 50
        @OptionGroup var store: StoreOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await SearchIdentitiesCommand.run(.name(text), limit: limit, store: store, global: global)
        }
    }
}
