import Foundation

/// What a database must offer the store. Deliberately small: every rule lives above it, in `IdentityStore`.
///
/// `write` must run `body` and persist its plan in **one** transaction that holds the audit chain head
/// exclusively from before `body` reads anything until commit — that is what keeps the hash chain linear and
/// read-modify-write updates whole when several processes write at once.
protocol StoreBackend: Sendable {
    var name: String { get }
    func write<Result: Sendable>(
        loading ids: [UUID], _ body: @Sendable (WriteContext) throws(StoreError) -> (WritePlan, Result)
    ) async throws(StoreError) -> Result
    /// `SELECT columns FROM table WHERE clause` (the clause may end with ORDER BY / LIMIT).
    func selectRows(_ table: String, columns: [String], where clause: String, _ arguments: [SQLValue])
        async throws(StoreError) -> [StoredRow]
    /// The same select, each row as its values in the order of `columns` (no per-row dictionary: what
    /// `verifyAudit` reads a million rows through).
    func selectValues(_ table: String, columns: [String], where clause: String, _ arguments: [SQLValue])
        async throws(StoreError) -> [[SQLValue]]
    func count(_ table: String) async throws(StoreError) -> Int
    func head() async throws(StoreError) -> ChainHead
    func close() async
    /// Prepares a bulk load into an empty identity table (SQLite drops the secondary indexes); returns whether
    /// `finishInitialLoad` must be called once the last batch is committed.
    func beginInitialLoad() async throws(StoreError) -> Bool
    func finishInitialLoad() async throws(StoreError)
}

extension StoreBackend {
    /// PostgreSQL keeps its indexes during a load: other workstations search the shared base meanwhile.
    func beginInitialLoad() async throws(StoreError) -> Bool { false }
    func finishInitialLoad() async throws(StoreError) {}

    func select<Record: RowCodable>(_ type: Record.Type, where clause: String, _ arguments: [SQLValue])
        async throws(StoreError) -> [Record]
    {
        let rows = try await selectRows(Record.tableName, columns: Record.columns, where: clause, arguments)
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        for row in rows { records.append(try Record(row: row)) }
        return records
    }

    func identities(_ filter: IdentityFilter, limit: Int) async throws(StoreError) -> [IdentityRecord] {
        let (clause, arguments) = filter.sql(limit: limit)
        return try await select(IdentityRecord.self, where: clause, arguments)
    }
}

/// Executes a plan through a driver's statement runner; the same SQL text serves both back ends (PostgreSQL
/// placeholders are rewritten from `?`).
enum PlanStatements {
    /// Multi-row inserts of at most ~30,000 parameters each (under both databases' limits): one statement per
    /// chunk instead of one per row keeps imports fast, above all over a network.
    static func inserts<Record: RowCodable>(_ records: [Record]) -> [(String, [SQLValue])] {
        inserts(Record.self, records.map(\.values))
    }

    static func inserts<Record: RowCodable>(_ type: Record.Type, _ records: [[SQLValue]]) -> [(String, [SQLValue])] {
        guard !records.isEmpty else { return [] }
        let width = Record.columns.count
        let perStatement = max(1, 30_000 / width)
        var out: [(String, [SQLValue])] = []
        var start = 0
        while start < records.count {
            let chunk = records[start..<min(records.count, start + perStatement)]
            let sql = insertMany(Record.self, rows: chunk.count)
            var arguments: [SQLValue] = []
            arguments.reserveCapacity(chunk.count * width)
            for values in chunk { arguments.append(contentsOf: values) }
            out.append((sql, arguments))
            start += perStatement
        }
        return out
    }

    /// `INSERT … VALUES (?, …), (?, …)…` for `rows` rows.
    static func insertMany<Record: RowCodable>(_ type: Record.Type, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: Record.columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(Record.tableName) (\(Record.selectList)) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    static func update<Record: RowCodable>(_ type: Record.Type) -> String {
        let sets = Record.columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        return "UPDATE \(Record.tableName) SET \(sets) WHERE \(Record.columns[0]) = ?"
    }

    static func updateArguments<Record: RowCodable>(_ record: Record) -> [SQLValue] {
        Array(record.values.dropFirst()) + [record.values[0]]
    }

    /// All statements of a sealed plan, in an order that respects nothing but readability (there are no
    /// foreign keys: the audit log, not the schema, vouches for the links).
    static func statements(for plan: WritePlan, events: [AuditEvent], head: ChainHead) -> [(String, [SQLValue])] {
        var out: [(String, [SQLValue])] = []
        out += inserts(IdentityRecord.self, plan.identityRowsToInsert)
        out += plan.updatedIdentities.map { (update(IdentityRecord.self), updateArguments($0)) }
        out += inserts(plan.evidence)
        out += inserts(plan.insiCalls)
        out += inserts(plan.statusChanges)
        out += inserts(plan.insertedWorkItems)
        out += plan.updatedWorkItems.map { (update(WorkListItem.self), updateArguments($0)) }
        out += inserts(events)
        out.append(
            ("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", [.integer(head.sequence), .text(head.hash)]))
        return out
    }
}
