import Foundation
import GRDB
import IdentityStore

/// The floor the store's import is compared with: the same finished rows (`rows.csv`, ids time-ordered like
/// the store's) into the same schema and indexes, with nothing but the database's own work — no validation, no
/// normalisation, no audit.
/// SQLite: one prepared single-row INSERT, one transaction per batch of the store's batch size, and the store's
/// connection settings (WAL, `synchronous = FULL`, the writer's page cache and checkpoint interval from
/// `SQLiteTuning`), so the ratio compares the same durable, batched work.
/// PostgreSQL: `COPY … FROM STDIN` through `psql` (one transaction).
/// `deferIndexes` (SQLite): the same strategy as the store's initial load — the identity table's secondary
/// indexes (read from the schema the store created) are dropped, the rows inserted, then the indexes created
/// again; the rebuild is inside the timed span.
enum RawImportPhase {
    static func run(location: StoreLocation, rows: String, batchSize: Int, deferIndexes: Bool = false) async throws {
        // The store creates the schema; the baseline then writes behind its back.
        await (try IdentityDatabase.open(location)).close()
        let watch = Stopwatch()
        let count: Int
        switch location {
        case .sqlite(let path):
            count = try sqlite(path: path, rows: rows, batchSize: batchSize, deferIndexes: deferIndexes)
        case .postgres(let url): count = try postgres(url: url, rows: rows)
        }
        let seconds = watch.seconds
        var result = PhaseResult()
        result["imported"] = Double(count)
        result["seconds"] = seconds
        result["rows_per_second"] = Double(count) / seconds
        result["peak_mib"] = PeakMemory.mebibytes()
        result.emit()
    }

    static let columns = [
        "id", "nom_naissance", "prenoms", "sexe", "naissance", "naissance_incomplete", "lieu_naissance", "nom_norm",
        "prenoms_norm", "nom_key", "prenom_key", "nom_utilise", "prenom_utilise", "status", "attributes", "matricule",
        "oid", "insi_history", "validation_mode", "version", "created_at", "updated_at",
    ]

    static let integerColumns: Set<Int> = [5, 19, 20, 21]

    private static func sqlite(path: String, rows: String, batchSize: Int, deferIndexes: Bool) throws -> Int {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            for pragma in SQLiteTuning.writerPragmas { try db.execute(sql: pragma) }
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        var deferred: [String] = []
        if deferIndexes {
            let secondary = "FROM sqlite_master WHERE type = 'index' AND tbl_name = 'identities' AND sql IS NOT NULL"
            deferred = try queue.write { db in
                let definitions = try String.fetchAll(db, sql: "SELECT sql \(secondary)")
                for name in try String.fetchAll(db, sql: "SELECT name \(secondary)") {
                    try db.execute(sql: "DROP INDEX \(name)")
                }
                return definitions
            }
        }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO identities (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        var count = 0
        var batch: [StatementArguments] = []
        func commit() throws {
            guard !batch.isEmpty else { return }
            try queue.inTransaction(.immediate) { db in
                let statement = try db.cachedStatement(sql: sql)
                for arguments in batch {
                    statement.setUncheckedArguments(arguments)
                    try statement.execute()
                }
                return .commit
            }
            count += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        try RowFile.forEach(rows) { fields in
            var values: [(any DatabaseValueConvertible)?] = []
            values.reserveCapacity(fields.count)
            for (index, field) in fields.enumerated() {
                switch field {
                case "": values.append(nil)
                case "\"\"": values.append("")
                default: values.append(integerColumns.contains(index) ? Int64(field) : String(field))
                }
            }
            batch.append(StatementArguments(values))
            if batch.count >= batchSize { try commit() }
        }
        try commit()
        if !deferred.isEmpty {
            try queue.inTransaction(.immediate) { db in
                for definition in deferred { try db.execute(sql: definition) }
                return .commit
            }
        }
        try queue.close()
        return count
    }

    private static func postgres(url: String, rows: String) throws -> Int {
        let output = try Shell.run(
            "psql",
            [
                url, "-v", "ON_ERROR_STOP=1", "-qAtc",
                "\\copy identities (\(columns.joined(separator: ", "))) FROM '\(rows)' WITH (FORMAT csv)",
            ])
        _ = output
        return try RowFile.count(rows)
    }
}

/// Reads `rows.csv` line by line (no quoting inside values by construction).
enum RowFile {
    static func forEach(_ path: String, _ body: ([Substring]) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError("cannot read \(path)") }
        var pending: [UInt8] = []
        while true {
            let data = handle.readData(ofLength: 1 << 20)
            if data.isEmpty { break }
            pending.append(contentsOf: data)
            var start = 0
            while let end = pending[start...].firstIndex(of: 10) {
                let line = String(decoding: pending[start..<end], as: UTF8.self)
                try body(line.split(separator: ",", omittingEmptySubsequences: false))
                start = end + 1
            }
            pending.removeFirst(start)
        }
    }

    static func count(_ path: String) throws -> Int {
        var count = 0
        try forEach(path) { _ in count += 1 }
        return count
    }
}

/// Runs a command-line tool and returns its standard output; a failure is an error with its standard error.
enum Shell {
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(tool) failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
