import Foundation
import IdentityStore
import PasserelleConfiguration

/// Where the identity base is: `--database-url` / `PASSERELLE_DATABASE_URL` first (a one-off command against a
/// shared base), then the configuration's `store:` section, then `identities.sqlite` in the data directory.
enum ConfiguredStoreLocation {
    static func resolve(
        _ global: GlobalOptions, databaseURL: String?
    ) async throws(ConfigurationError) -> StoreLocation {
        if let url = databaseURL ?? ProcessInfo.processInfo.environment["PASSERELLE_DATABASE_URL"], !url.isEmpty {
            return .postgres(url: url)
        }
        let configuration = try await OptionalConfiguration.load(global)
        let dataDirectory = OptionalConfiguration.dataDirectory(global, configuration)
        return try location(configuration?.store, dataDirectory: dataDirectory)
    }

    static func location(_ store: StoreSection?, dataDirectory: String) throws(ConfigurationError) -> StoreLocation {
        guard let store else { return StoreLocation.resolve(dataDirectory: dataDirectory, databaseURL: nil) }
        switch store.backend {
        case .postgresql:
            guard let url = try store.postgresURLWithPassword() else {
                throw ConfigurationError(.missingKey, "store.postgresql.url")
            }
            return .postgres(url: url)
        case .sqlite:
            if let path = store.sqlitePath { return .sqlite(path: path) }
            return StoreLocation.resolve(dataDirectory: dataDirectory, databaseURL: nil)
        }
    }
}
