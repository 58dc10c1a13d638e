import Foundation
import GRDB
import IdentityStore

/// `audit verify` over the whole base, against the floor of reading the same tables raw (every audit event and
/// every identity row, all columns, no hashing).
enum VerifyPhase {
    static func run(location: StoreLocation) async throws {
        let database = try await IdentityDatabase.open(location)
        let watch = Stopwatch()
        let report = try await database.verifyAudit()
        let seconds = watch.seconds
        await database.close()
        let peak = PeakMemory.mebibytes()
        let scanned: Int
        let rawSeconds: Double
        switch location {
        case .sqlite(let path):
            let rawWatch = Stopwatch()
            scanned = try scanSQLite(path)
            rawSeconds = rawWatch.seconds
        case .postgres(let url): (scanned, rawSeconds) = try scanPostgres(url)
        }
        var result = PhaseResult()
        result["seconds"] = seconds
        result["events"] = Double(report.eventsChecked)
        result["rows"] = Double(report.rowsChecked)
        result["problems"] = Double(report.problems.count)
        result["intact"] = report.isIntact ? 1 : 0
        result["peak_mib"] = peak
        result["raw_seconds"] = rawSeconds
        result["raw_rows"] = Double(scanned)
        result.emit()
    }

    private static func scanSQLite(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var count = 0
            for table in ["audit_events", "identities"] {
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table)")
                while let row = try cursor.next() { count += row.count > 0 ? 1 : 0 }
            }
            return count
        }
    }

    /// `psql` reads both tables in full and discards them (the bytes still cross the socket); only the reads
    /// are timed, not the row counts.
    private static func scanPostgres(_ url: String) throws -> (rows: Int, seconds: Double) {
        var count = 0
        var seconds = 0.0
        for table in ["audit_events", "identities"] {
            let watch = Stopwatch()
            try Shell.run("psql", [url, "-qAtc", "\\copy (SELECT * FROM \(table)) TO '/dev/null'"])
            seconds += watch.seconds
            let text = try Shell.run("psql", [url, "-qAtc", "SELECT count(*) FROM \(table)"])
            count += Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        return (count, seconds)
    }
}
