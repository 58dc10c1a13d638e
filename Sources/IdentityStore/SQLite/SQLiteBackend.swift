import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded back end: one SQLite file in WAL mode.
///
/// Durability: `synchronous = FULL` — in WAL mode SQLite then syncs the log at every commit, so a commit that
/// returned survives both a killed process and a power cut. (`NORMAL` would survive a killed process, since
/// the WAL is already in the OS cache, but could lose the last commits on power loss; an acknowledged identity
/// must not be lost, so the fsync is paid.) Writers start with `BEGIN IMMEDIATE` and wait up to the busy
/// timeout for the write lock, so two processes never interleave a read-modify-write.
final class SQLiteBackend: StoreBackend {
    let name = "sqlite"
    let pool: DatabasePool
    let path: String

    init(path: String, busyTimeout: TimeInterval = 30) throws(StoreError) {
        self.path = path
        do {
            try Self.createPrivately(path)
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in
                // The one writer connection gets its own settings (`SQLiteTuning`); readers keep the defaults.
                for pragma in SQLiteTuning.writerPragmas { try db.execute(sql: pragma) }
                try db.inTransaction(.immediate) {
                    try Self.migrate(db)
                    // Heals a base whose initial load was interrupted before its indexes were rebuilt.
                    for index in Migrations.indexes { try db.execute(sql: index.createIfMissing) }
                    return .commit
                }
            }
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Drops the identity table's secondary indexes when the table is empty (checked under the write lock):
    /// building each index once from the loaded table is about three times cheaper than updating it row by
    /// row. Returns whether it dropped them; `finishInitialLoad` (or the next open) builds them again.
    func beginInitialLoad() async throws(StoreError) -> Bool {
        do {
            return try await pool.writeWithoutTransaction { db in
                var dropped = false
                try db.inTransaction(.immediate) {
                    guard try Row.fetchOne(db, sql: "SELECT 1 FROM identities LIMIT 1") == nil else { return .commit }
                    for index in Migrations.identityIndexes {
                        try db.execute(sql: "DROP INDEX IF EXISTS \(index.index.name)")
                    }
                    dropped = true
                    return .commit
                }
                // Appending to the table and its id key needs few cached pages; the index build's sorter is
                // sized by the same setting (it spills sorted runs to a temporary file beyond it). Keeps the
                // import's peak memory down; `finishInitialLoad` restores the writer's settings.
                if dropped { try db.execute(sql: SQLiteTuning.initialLoadCache) }
                return dropped
            }
        } catch { throw StoreError.wrap(error) }
    }

    /// Creates every schema index that is missing, in one transaction, then gives the writer back its settings
    /// and the memory of the load.
    func finishInitialLoad() async throws(StoreError) {
        do {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for index in Migrations.indexes { try db.execute(sql: index.createIfMissing) }
                    return .commit
                }
                try db.execute(sql: "PRAGMA shrink_memory")
                for pragma in SQLiteTuning.writerPragmas { try db.execute(sql: pragma) }
            }
        } catch { throw StoreError.wrap(error) }
    }

    /// The file is created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
    static func createPrivately(_ path: String) throws(StoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch { throw .unavailable("cannot create data directory \(directory): \(error)") }
        }
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unavailable("cannot create \(path): errno \(errno)") }
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }

    static func migrate(_ db: Database) throws {
        try db.execute(sql: Migrations.trackingTable)
        let applied = try Set(Int.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
        for migration in Migrations.all where !applied.contains(migration.version) {
            for statement in migration.statements(.sqlite) { try db.execute(sql: statement) }
            try db.execute(
                sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                arguments: [migration.version, migration.name, Timestamp.now.milliseconds])
        }
    }

    func write<Result: Sendable>(
        loading ids: [UUID], _ body: @Sendable (WriteContext) throws(StoreError) -> (WritePlan, Result)
    ) async throws(StoreError) -> Result {
        do {
            return try await pool.writeWithoutTransaction { db in
                var result: Result?
                try db.inTransaction(.immediate) {
                    let head = try Self.readHead(db)
                    var loaded: [UUID: IdentityRecord] = [:]
                    if !ids.isEmpty {
                        let (clause, arguments) = IdentityFilter.ids(ids.map { $0.uuidString.lowercased() })
                            .sql(limit: ids.count)
                        for record in try Self.select(IdentityRecord.self, db, clause, arguments) {
                            loaded[record.id] = record
                        }
                    }
                    let context = WriteContext(identities: loaded, now: .now)
                    let (plan, value) = try body(context)
                    let (events, newHead) = AuditChain.seal(plan.events, after: head, at: context.now)
                    try Self.execute(plan, events: events, head: newHead, db)
                    result = value
                    return .commit
                }
                guard let result else { throw StoreError.corrupted("transaction returned nothing") }
                return result
            }
        } catch {
            throw StoreError.wrap(error)
        }
    }

    func selectRows(_ table: String, columns: [String], where clause: String, _ arguments: [SQLValue])
        async throws(StoreError) -> [StoredRow]
    {
        do {
            return try await pool.read { db in try Self.selectRows(db, table, columns, clause, arguments) }
        } catch { throw StoreError.wrap(error) }
    }

    func selectValues(_ table: String, columns: [String], where clause: String, _ arguments: [SQLValue])
        async throws(StoreError) -> [[SQLValue]]
    {
        let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(clause)"
        do {
            return try await pool.read { db in
                let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments))
                var result: [[SQLValue]] = []
                while let row = try rows.next() {
                    var values: [SQLValue] = []
                    values.reserveCapacity(row.count)
                    for value in row.databaseValues { values.append(Self.value(value)) }
                    result.append(values)
                }
                return result
            }
        } catch { throw StoreError.wrap(error) }
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .int64(let integer): .integer(integer)
        case .string(let text): .text(text)
        case .null: .null
        case .double(let double): .integer(Int64(double))
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }

    func count(_ table: String) async throws(StoreError) -> Int {
        do {
            return try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
        } catch { throw StoreError.wrap(error) }
    }

    func head() async throws(StoreError) -> ChainHead {
        do { return try await pool.read { db in try Self.readHead(db) } } catch { throw StoreError.wrap(error) }
    }

    func close() async {
        try? pool.close()
    }

    static func readHead(_ db: Database) throws -> ChainHead {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1") else {
            throw StoreError.corrupted("audit_head row missing")
        }
        return ChainHead(sequence: row["seq"], hash: row["hash"])
    }

    static func select<Record: RowCodable>(
        _ type: Record.Type, _ db: Database, _ clause: String, _ arguments: [SQLValue]
    )
        throws -> [Record]
    {
        try selectRows(db, Record.tableName, Record.columns, clause, arguments).map { try Record(row: $0) }
    }

    static func selectRows(
        _ db: Database, _ table: String, _ columns: [String], _ clause: String, _ arguments: [SQLValue]
    ) throws -> [StoredRow] {
        let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(clause)"
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments))
        var records: [StoredRow] = []
        while let row = try rows.next() {
            var values: [String: SQLValue] = [:]
            for (column, value) in row { values[column] = Self.value(value) }
            records.append(StoredRow(table: table, values: values))
        }
        return records
    }

    /// Runs a sealed plan: one cached single-row statement per table, rebound for each row (no SQL text or
    /// argument array sized by the batch), in the order of `PlanStatements.statements`.
    static func execute(_ plan: WritePlan, events: [AuditEvent], head: ChainHead, _ db: Database) throws {
        try insert(IdentityRecord.self, plan.identityRowsToInsert, db)
        try update(plan.updatedIdentities, db)
        try insert(plan.evidence, db)
        try insert(plan.insiCalls, db)
        try insert(plan.statusChanges, db)
        try insert(plan.insertedWorkItems, db)
        try update(plan.updatedWorkItems, db)
        try insert(events, db)
        try db.cachedStatement(sql: "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")
            .execute(arguments: [head.sequence, head.hash])
    }

    private static func insert<Record: RowCodable>(_ records: [Record], _ db: Database) throws {
        try insert(Record.self, records.map(\.values), db)
    }

    /// Multi-row inserts of `chunkRows` rows (about 30,000 parameters, under SQLite's limit of 32,766), the
    /// arguments of a chunk converted in one `StatementArguments`: per row, GRDB's conversion and argument
    /// checks cost as much as SQLite's insert itself. Full chunks reuse one cached statement; the remainder of
    /// a batch gets a statement of its own.
    private static func insert<Record: RowCodable>(_ type: Record.Type, _ rows: [[SQLValue]], _ db: Database) throws {
        guard !rows.isEmpty else { return }
        let width = Record.columns.count
        let chunkRows = max(1, 30_000 / width)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + chunkRows)
            let sql = PlanStatements.insertMany(Record.self, rows: end - start)
            let statement = end - start == chunkRows ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            // Existentials, not `[DatabaseValue]`: GRDB converts that generic sequence through a key path
            // projected per value, this one through a plain closure.
            var values: [(any DatabaseValueConvertible)?] = []
            values.reserveCapacity((end - start) * width)
            for row in rows[start..<end] {
                for value in row { values.append(databaseValue(value)) }
            }
            // One value per placeholder by construction: `insertMany` has `width` placeholders per row.
            statement.setUncheckedArguments(StatementArguments(values))
            try statement.execute()
            start = end
        }
    }

    private static func update<Record: RowCodable>(_ records: [Record], _ db: Database) throws {
        guard !records.isEmpty else { return }
        let statement = try db.cachedStatement(sql: PlanStatements.update(Record.self))
        for record in records {
            try statement.execute(arguments: arguments(PlanStatements.updateArguments(record)))
        }
    }

    private static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .text(let text): text.databaseValue
        case .integer(let integer): integer.databaseValue
        case .null: .null
        }
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(
            values.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .text(let text): text
                case .integer(let integer): integer
                case .null: nil
                }
            })
    }
}
