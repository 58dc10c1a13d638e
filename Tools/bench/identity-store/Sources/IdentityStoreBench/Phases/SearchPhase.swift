import Foundation
import IdentityStore

/// Search by matricule and probable-duplicate search, each query timed through the store and through the raw
/// driver (same lookups, no records, no rules), alternating so both see the same cache state.
enum SearchPhase {
    static func run(location: StoreLocation, queries path: String) async throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let matricules = lines.filter { $0.hasPrefix("matricule ") }.map { String($0.dropFirst(10)) }
        let starts = lines.filter { $0.hasPrefix("duplicates ") }.map { String($0.dropFirst(11)) }
        let database = try await IdentityDatabase.open(location)
        let raw: any RawQueries =
            switch location {
            case .sqlite(let file): try RawSQLiteQueries(path: file)
            case .postgres(let url): try RawPostgresQueries(url: url)
            }
        // Warm-up, untimed: first statements are prepared, the pools filled.
        for value in matricules.prefix(50) {
            _ = try await database.search(.matricule(value), limit: 10)
            _ = try await raw.matricule(value)
        }
        var store = Latencies()
        var floor = Latencies()
        var found = 0
        for value in matricules {
            found += try await store.time { try await database.search(.matricule(value), limit: 10) }.count
            _ = try await floor.time { try await raw.matricule(value) }
        }
        // The duplicate search starts from an identity id, as the referent console and the CLI do.
        var ids: [UUID] = []
        for value in starts {
            if let record = try await database.search(.matricule(value), limit: 1).first { ids.append(record.id) }
        }
        var duplicates = Latencies()
        var duplicateFloor = Latencies()
        var withCandidates = 0
        for id in ids {
            let candidates = try await duplicates.time { try await database.probableDuplicates(of: id) }
            if !candidates.isEmpty { withCandidates += 1 }
            _ = try await duplicateFloor.time { try await raw.duplicateLookups(id: id.uuidString.lowercased()) }
        }
        await raw.close()
        await database.close()
        var result = PhaseResult()
        result["matricule_queries"] = Double(matricules.count)
        result["matricule_found"] = Double(found)
        for (name, latencies) in [
            ("matricule", store), ("matricule_raw", floor), ("duplicates", duplicates),
            ("duplicates_raw", duplicateFloor),
        ] {
            result["\(name)_p50_ms"] = latencies.percentile(50)
            result["\(name)_p95_ms"] = latencies.percentile(95)
        }
        result["duplicate_queries"] = Double(ids.count)
        result["duplicate_queries_with_candidates"] = Double(withCandidates)
        result["peak_mib"] = PeakMemory.mebibytes()
        result.emit()
    }
}
