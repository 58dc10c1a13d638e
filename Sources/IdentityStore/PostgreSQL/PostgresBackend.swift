import Foundation
import Logging
import PostgresNIO

/// The shared back end, for a structure where several workstations qualify identities in one base.
///
/// Writers serialise on the single `audit_head` row (`SELECT … FOR UPDATE` first thing in the transaction):
/// the chain stays linear whatever the number of workstations, and every read-modify-write of an identity
/// happens while no one else can write. Reads take no lock.
final class PostgresBackend: StoreBackend {
    let name = "postgres"
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    private init(client: PostgresClient, runner: Task<Void, Never>, logger: Logger) {
        self.client = client
        self.runner = runner
        self.logger = logger
    }

    static func connect(url text: String) async throws(StoreError) -> PostgresBackend {
        let url = try PostgresURL(text)
        var logger = Logger(label: "passerelle.identity-store.postgres")
        logger.logLevel = .critical
        let client = PostgresClient(configuration: url.clientConfiguration(), backgroundLogger: logger)
        let runner = Task { await client.run() }
        let backend = PostgresBackend(client: client, runner: runner, logger: logger)
        do {
            try await backend.migrate()
        } catch {
            runner.cancel()
            throw .unavailable("\(url.redacted): \(String(reflecting: error))")
        }
        return backend
    }

    /// Migrations run under a transaction-scoped advisory lock so that workstations starting together do not
    /// apply the same version twice.
    private func migrate() async throws {
        let logger = logger
        try await client.withConnection { connection in
            try await Self.transaction(connection, logger) {
                try await connection.query("SELECT pg_advisory_xact_lock(4747001)", logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: Migrations.trackingTable), logger: logger)
                var applied = Set<Int64>()
                for try await version in try await connection.query(
                    "SELECT version::BIGINT FROM schema_migrations", logger: logger
                ).decode(Int64.self) {
                    applied.insert(version)
                }
                for migration in Migrations.all where !applied.contains(Int64(migration.version)) {
                    for statement in migration.statements(.postgres) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(migration.version), \(migration.name), \(Timestamp.now.milliseconds))",
                        logger: logger)
                }
            }
        }
    }

    func write<Result: Sendable>(
        loading ids: [UUID], _ body: @Sendable (WriteContext) throws(StoreError) -> (WritePlan, Result)
    ) async throws(StoreError) -> Result {
        let logger = logger
        do {
            return try await client.withConnection { connection in
                try await Self.transaction(connection, logger) {
                    let headRows = try await Self.rows(
                        connection, logger, "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE", [])
                    guard let headRow = headRows.first else { throw StoreError.corrupted("audit_head row missing") }
                    let head = ChainHead(sequence: try headRow.integer("seq"), hash: try headRow.text("hash"))
                    var loaded: [UUID: IdentityRecord] = [:]
                    if !ids.isEmpty {
                        let (clause, arguments) = IdentityFilter.ids(ids.map { $0.uuidString.lowercased() })
                            .sql(limit: ids.count)
                        let sql = "SELECT \(IdentityRecord.selectList) FROM identities WHERE \(clause)"
                        for row in try await Self.rows(connection, logger, sql, arguments, table: "identities") {
                            let record = try IdentityRecord(row: row)
                            loaded[record.id] = record
                        }
                    }
                    let context = WriteContext(identities: loaded, now: .now)
                    let (plan, value) = try body(context)
                    let (events, newHead) = AuditChain.seal(plan.events, after: head, at: context.now)
                    for (sql, arguments) in PlanStatements.statements(for: plan, events: events, head: newHead) {
                        try await connection.query(Self.query(sql, arguments), logger: logger)
                    }
                    return value
                }
            }
        } catch {
            throw StoreError.wrap(error)
        }
    }

    func selectRows(_ table: String, columns: [String], where clause: String, _ arguments: [SQLValue])
        async throws(StoreError) -> [StoredRow]
    {
        let logger = logger
        let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(clause)"
        do {
            return try await client.withConnection { connection in
                try await Self.rows(connection, logger, sql, arguments, table: table)
            }
        } catch { throw StoreError.wrap(error) }
    }

    func selectValues(_ table: String, columns: [String], where clause: String, _ arguments: [SQLValue])
        async throws(StoreError) -> [[SQLValue]]
    {
        let logger = logger
        let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(clause)"
        do {
            return try await client.withConnection { connection in
                var result: [[SQLValue]] = []
                for try await row in try await connection.query(Self.query(sql, arguments), logger: logger) {
                    var values: [SQLValue] = []
                    values.reserveCapacity(columns.count)
                    for cell in row { values.append(try Self.value(cell)) }
                    result.append(values)
                }
                return result
            }
        } catch { throw StoreError.wrap(error) }
    }

    func count(_ table: String) async throws(StoreError) -> Int {
        let rows = try await selectRows(table, columns: ["COUNT(*) AS n"], where: "1 = 1", [])
        return Int(try rows.first?.integer("n") ?? 0)
    }

    func head() async throws(StoreError) -> ChainHead {
        let rows = try await selectRows("audit_head", columns: ["seq", "hash"], where: "id = 1", [])
        guard let row = rows.first else { throw .corrupted("audit_head row missing") }
        return ChainHead(sequence: try row.integer("seq"), hash: try row.text("hash"))
    }

    func close() async {
        runner.cancel()
        _ = await runner.value
    }

    // MARK: - Driver glue

    private static func transaction<Result>(
        _ connection: PostgresConnection, _ logger: Logger, _ body: () async throws -> Result
    ) async throws -> Result {
        try await connection.query("BEGIN", logger: logger)
        do {
            let result = try await body()
            try await connection.query("COMMIT", logger: logger)
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// `?` placeholders become `$1, $2…`; the shared SQL never contains a literal question mark.
    static func query(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQuery {
        // Bytes, not Characters: a multi-row insert is ~100 kB of SQL, and `?` is one ASCII byte that cannot
        // appear inside a multi-byte UTF-8 sequence.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sql.utf8.count + arguments.count * 4)
        var index = 0
        for byte in sql.utf8 {
            if byte == UInt8(ascii: "?") {
                index += 1
                bytes.append(UInt8(ascii: "$"))
                bytes.append(contentsOf: String(index).utf8)
            } else {
                bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .text(let value): bindings.append(value)
            case .integer(let value): bindings.append(value)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        if cell.bytes == nil { return .null }
        if cell.dataType == .int8 || cell.dataType == .int4 || cell.dataType == .int2 {
            return .integer(try cell.decode(Int64.self))
        }
        return .text(try cell.decode(String.self))
    }

    private static func rows(
        _ connection: PostgresConnection, _ logger: Logger, _ sql: String, _ arguments: [SQLValue],
        table: String = ""
    ) async throws -> [StoredRow] {
        var result: [StoredRow] = []
        for try await row in try await connection.query(query(sql, arguments), logger: logger) {
            var values: [String: SQLValue] = [:]
            for cell in row { values[cell.columnName] = try value(cell) }
            result.append(StoredRow(table: table, values: values))
        }
        return result
    }
}
