import Configuration
import Foundation

/// `store:` — where the identity base lives (design.md §6): a SQLite file (default: `identities.sqlite` in the
/// data directory) or a PostgreSQL base shared by the workstations of a structure. The PostgreSQL password is
/// read from `postgresql.passwordFile`, never written in the URL.
public struct StoreSection: Sendable, Hashable {
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        case sqlite
        case postgresql
    }

    public var backend: Backend
    public var sqlitePath: String?
    /// `postgres://user@host:port/base[?sslmode=require]`, without a password.
    public var postgresURL: String?
    public var passwordFile: String?

    public init(backend: Backend, sqlitePath: String? = nil, postgresURL: String? = nil, passwordFile: String? = nil) {
        self.backend = backend
        self.sqlitePath = sqlitePath
        self.postgresURL = postgresURL
        self.passwordFile = passwordFile
    }

    /// The PostgreSQL URL with the password from `passwordFile` inserted (percent-encoded), ready for the store.
    public func postgresURLWithPassword() throws(ConfigurationError) -> String? {
        guard let postgresURL else { return nil }
        guard let passwordFile else { return postgresURL }
        let password = try SecretFile.read(passwordFile, key: "store.postgresql.passwordFile")
        guard var components = URLComponents(string: postgresURL) else {
            throw ConfigurationError(.invalidValue, "store.postgresql.url", "not a URL")
        }
        components.password = password
        guard let url = components.string else {
            throw ConfigurationError(.invalidValue, "store.postgresql.url", "cannot insert the password")
        }
        return url
    }

    static func read(_ reader: ConfigReader, baseDirectory base: String) throws(ConfigurationError) -> StoreSection? {
        let backendText = reader.string(forKey: "backend")
        let sqlitePath = reader.string(forKey: "sqlite.path").map { PasserelleConfiguration.resolve($0, base: base) }
        let url = reader.string(forKey: "postgresql.url")
        guard backendText != nil || sqlitePath != nil || url != nil else { return nil }
        let backend: Backend
        if let backendText {
            guard let parsed = Backend(rawValue: backendText) else {
                throw ConfigurationError(
                    .invalidValue, "store.backend", "expected sqlite or postgresql, got \(backendText)")
            }
            backend = parsed
        } else {
            backend = url == nil ? .sqlite : .postgresql
        }
        let section = StoreSection(
            backend: backend, sqlitePath: sqlitePath, postgresURL: url,
            passwordFile: reader.string(forKey: "postgresql.passwordFile").map {
                PasserelleConfiguration.resolve($0, base: base)
            })
        if backend == .postgresql {
            guard let url else { throw ConfigurationError(.missingKey, "store.postgresql.url") }
            if URLComponents(string: url)?.password != nil {
                throw ConfigurationError(
                    .invalidValue, "store.postgresql.url", "the password goes in store.postgresql.passwordFile")
            }
        }
        return section
    }
}
