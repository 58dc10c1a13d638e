import Foundation
import PostgresNIO

/// `postgres://user:password@host:port/database` as given in configuration (or `PASSERELLE_DATABASE_URL`).
/// `sslmode=require` asks for TLS; the default is plain TCP, meant for loopback or a private network.
struct PostgresURL: Sendable {
    let host: String
    let port: Int
    let username: String
    let password: String?
    let database: String?
    let requireTLS: Bool

    init(_ text: String) throws(StoreError) {
        guard let components = URLComponents(string: text),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty
        else {
            throw .invalidInput(field: "database-url", reason: "attendu postgres://utilisateur@hôte:port/base")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user ?? "postgres"
        self.password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? nil : path
        self.requireTLS = components.queryItems?.contains { $0.name == "sslmode" && $0.value == "require" } ?? false
    }

    /// For messages: the password is never shown.
    var redacted: String { "postgres://\(username)@\(host):\(port)/\(database ?? "")" }

    func clientConfiguration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = requireTLS ? .require(.clientDefault) : .disable
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
