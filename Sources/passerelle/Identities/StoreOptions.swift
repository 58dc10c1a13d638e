import ArgumentParser
import Foundation
import INS
import IdentityStore

/// Where the identity base is and who is acting: `--database-url` (or `PASSERELLE_DATABASE_URL`), else the
/// configuration's `store:` section (`--config` or `PASSERELLE_CONFIG`), else SQLite in the data directory.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "PostgreSQL URL of a shared base (or PASSERELLE_DATABASE_URL).")
    var databaseURL: String?

    @Option(name: .long, help: "Who is acting, for the audit log (default: $USER).")
    var actor: String?

    var actorName: String {
        actor ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
    }

    func open(_ global: GlobalOptions) async throws -> IdentityDatabase {
        let location: StoreLocation
        do {
            location = try await ConfiguredStoreLocation.resolve(global, databaseURL: databaseURL)
        } catch {
            throw report(error, json: global.json)
        }
        do { return try await IdentityDatabase.open(location) } catch {
            throw fail(error, json: global.json)
        }
    }

    /// Opens the base, runs `body`, closes the base, and turns a store error into the right exit code.
    func withDatabase<Result>(
        _ global: GlobalOptions, _ body: (IdentityDatabase) async throws(StoreError) -> Result
    ) async throws -> Result {
        let database = try await open(global)
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw fail(error, json: global.json)
        }
    }
}

/// Maps a store error to the exit codes of design.md §8 after printing it.
func fail(_ error: StoreError, json: Bool) -> ExitCode {
    switch error {
    case .unavailable: report(error, json: json, exit: ExitStatus.dependencyUnavailable)
    case .notFound: report(error, json: json, exit: ExitStatus.negativeAnswer)
    default: report(error, json: json)
    }
}

/// Parses an identity id argument.
func identityID(_ text: String, json: Bool) throws -> UUID {
    guard let id = UUID(uuidString: text) else {
        throw fail(.invalidInput(field: "identifiant", reason: "UUID attendu, reçu « \(text) »"), json: json)
    }
    return id
}
