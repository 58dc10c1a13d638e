import Foundation
import GRDB
import Logging
import PostgresNIO

/// The same lookups the store makes, sent straight to the driver with no decoding into records and no rules:
/// the floor the store's searches are compared with.
protocol RawQueries: Sendable {
    /// Rows with this matricule (all columns).
    func matricule(_ value: String) async throws -> Int
    /// The identity by id, then the three candidate lookups of the duplicate search (same birth date and sex,
    /// same name keys, same matricule).
    func duplicateLookups(id: String) async throws -> Int
    func close() async
}

enum RawSQL {
    static let columns = RawImportPhase.columns.joined(separator: ", ")
    static let byMatricule = "SELECT \(columns) FROM identities WHERE matricule = ? ORDER BY id LIMIT 2000"
    static let byID = "SELECT \(columns) FROM identities WHERE id = ?"
    static let byBirth = "SELECT \(columns) FROM identities WHERE naissance = ? AND sexe = ? ORDER BY id LIMIT 2000"
    static let byNames = "SELECT \(columns) FROM identities WHERE nom_key = ? AND prenom_key = ? ORDER BY id LIMIT 2000"

    static func numbered(_ sql: String) -> String {
        var index = 0
        var out = ""
        for character in sql {
            if character == "?" {
                index += 1
                out += "$\(index)"
            } else {
                out.append(character)
            }
        }
        return out
    }
}

final class RawSQLiteQueries: RawQueries {
    private let pool: DatabasePool

    init(path: String) throws { pool = try DatabasePool(path: path) }

    func matricule(_ value: String) async throws -> Int {
        try await pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: RawSQL.byMatricule), arguments: [value]).count
        }
    }

    func duplicateLookups(id: String) async throws -> Int {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: RawSQL.byID), arguments: [id]) else { return 0 }
            let naissance: String = row["naissance"]
            let sexe: String = row["sexe"]
            let nom: String = row["nom_key"]
            let prenom: String = row["prenom_key"]
            let matricule: String? = row["matricule"]
            var count = try Row.fetchAll(db.cachedStatement(sql: RawSQL.byBirth), arguments: [naissance, sexe]).count
            count += try Row.fetchAll(db.cachedStatement(sql: RawSQL.byNames), arguments: [nom, prenom]).count
            if let matricule {
                count += try Row.fetchAll(db.cachedStatement(sql: RawSQL.byMatricule), arguments: [matricule]).count
            }
            return count
        }
    }

    func close() async { try? pool.close() }
}

final class RawPostgresQueries: RawQueries {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    init(url: String) throws {
        guard let components = URLComponents(string: url), let host = components.host else {
            throw BenchError("bad url")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database, tls: .disable)
        var logger = Logger(label: "bench.raw")
        logger.logLevel = .critical
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.client = client
        runner = Task { await client.run() }
    }

    private func rows(_ sql: String, _ values: [String]) async throws -> [PostgresRow] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { bindings.append(value) }
        let query = PostgresQuery(unsafeSQL: RawSQL.numbered(sql), binds: bindings)
        var out: [PostgresRow] = []
        for try await row in try await client.query(query, logger: logger) { out.append(row) }
        return out
    }

    func matricule(_ value: String) async throws -> Int { try await rows(RawSQL.byMatricule, [value]).count }

    func duplicateLookups(id: String) async throws -> Int {
        guard let row = try await rows(RawSQL.byID, [id]).first else { return 0 }
        let cells = row.makeRandomAccess()
        let naissance = try cells["naissance"].decode(String.self)
        let sexe = try cells["sexe"].decode(String.self)
        let nom = try cells["nom_key"].decode(String.self)
        let prenom = try cells["prenom_key"].decode(String.self)
        let matricule = try cells["matricule"].decode(String?.self)
        var count = try await rows(RawSQL.byBirth, [naissance, sexe]).count
        count += try await rows(RawSQL.byNames, [nom, prenom]).count
        if let matricule { count += try await rows(RawSQL.byMatricule, [matricule]).count }
        return count
    }

    func close() async {
        runner.cancel()
        _ = await runner.value
    }
}
