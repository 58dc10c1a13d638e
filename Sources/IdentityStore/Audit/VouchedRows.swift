import Foundation
import GRDB

/// What the audit chain says each row should contain — the digest from the last event that wrote it — kept in
/// a scratch SQLite file instead of memory, so `verifyAudit` runs in bounded memory whatever the size of the
/// base (a million identities would otherwise be a million digests held at once).
///
/// The file is private to one verification (created 0600 in the temporary directory, journal and fsync off:
/// it is rebuilt from the chain every time) and removed when the verification ends.
final class VouchedRows {
    struct Entry {
        let id: String
        let digest: String
        let event: Int64
    }

    private let queue: DatabaseQueue
    private let path: String

    init() throws(StoreError) {
        let directory = FileManager.default.temporaryDirectory.path
        path = (directory as NSString).appendingPathComponent("passerelle-audit-\(UUID().uuidString).sqlite")
        do {
            try SQLiteBackend.createPrivately(path)
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -32768")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE vouched (tbl TEXT NOT NULL, id TEXT NOT NULL, digest TEXT NOT NULL, \
                        event INTEGER NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID
                        """)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.wrap(error)
        }
    }

    /// Records the rows of a page of events, in chain order: a later event replaces what an earlier one said.
    func record(_ events: [AuditEvent]) throws(StoreError) {
        do {
            try queue.inTransaction { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO vouched (tbl, id, digest, event) VALUES (?, ?, ?, ?) \
                        ON CONFLICT (tbl, id) DO UPDATE SET digest = excluded.digest, event = excluded.event
                        """)
                for event in events {
                    // An import event's ids share one millisecond prefix, later than every earlier batch's: they
                    // all land at the right edge of the scratch B-tree, whatever their order within the event.
                    for row in event.rows {
                        statement.setUncheckedArguments([row.table.rawValue, row.id, row.digest, event.sequence])
                        try statement.execute()
                    }
                }
                return .commit
            }
        } catch { throw StoreError.wrap(error) }
    }

    /// The next entries of `table` after `id`, in byte order of the id (the order the store's tables are read
    /// in: SQLite BINARY, PostgreSQL COLLATE "C").
    func page(_ table: RecordTable, after id: String, limit: Int) throws(StoreError) -> [Entry] {
        do {
            return try queue.read { db in
                try Row.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT id, digest, event FROM vouched WHERE tbl = ? AND id > ? ORDER BY id LIMIT ?"),
                    arguments: [table.rawValue, id, limit]
                ).map { Entry(id: $0["id"], digest: $0["digest"], event: $0["event"]) }
            }
        } catch { throw StoreError.wrap(error) }
    }

    func remove() {
        try? queue.close()
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
