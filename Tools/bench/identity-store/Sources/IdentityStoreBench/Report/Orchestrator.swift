import Foundation

/// Runs every phase in its own process (so each peak-memory figure is that phase's own), on SQLite and, when a
/// PostgreSQL server is given, on PostgreSQL, then prints the table.
struct Orchestrator {
    let rows: Int
    let seed: UInt64
    let work: String
    let batchSize: Int
    let postgresAdmin: String?

    func run() throws {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        log("generating \(rows) synthetic identities (seed \(seed))…")
        let generated = try phase(["generate", "--rows", "\(rows)", "--seed", "\(seed)", "--work", work])
        var table = ResultTable(rows: rows, generated: generated)
        var backends: [(String, () throws -> [String])] = [("sqlite", { try self.freshSQLite() })]
        if postgresAdmin != nil { backends.append(("postgres", { try self.freshPostgres() })) }
        for (name, fresh) in backends {
            log("\(name): raw baseline import…")
            let raw = try phase(
                ["raw-import"] + fresh() + ["--rows-file", work + "/rows.csv", "--batch", "\(batchSize)"])
            // The store loads an empty SQLite base without its identity indexes and builds them at the end:
            // the fair floor does the same (the plain variant stays for comparison).
            var deferred: PhaseResult?
            if name == "sqlite" {
                log("\(name): raw baseline import, indexes built at the end…")
                deferred = try phase(
                    ["raw-import"] + fresh()
                        + ["--rows-file", work + "/rows.csv", "--batch", "\(batchSize)", "--defer-indexes"])
            }
            let target = try fresh()
            log("\(name): store import…")
            let imported = try phase(
                ["import"] + target + ["--csv", work + "/identities.csv", "--batch", "\(batchSize)"])
            log("\(name): searches…")
            let searched = try phase(["search"] + target + ["--queries", work + "/queries.txt"])
            log("\(name): audit verify…")
            let verified = try phase(["verify"] + target)
            table.add(
                backend: name, raw: raw, rawDeferred: deferred, imported: imported, searched: searched,
                verified: verified)
        }
        print(table.render())
    }

    private func freshSQLite() throws -> [String] {
        let path = work + "/\(UUID().uuidString.prefix(8)).sqlite"
        return ["--sqlite", path]
    }

    private func freshPostgres() throws -> [String] {
        guard let admin = postgresAdmin, var components = URLComponents(string: admin) else {
            throw BenchError("no PostgreSQL URL")
        }
        let name = "bench_\(UUID().uuidString.prefix(8).lowercased())"
        try Shell.run("psql", [admin, "-v", "ON_ERROR_STOP=1", "-qc", "CREATE DATABASE \(name)"])
        components.path = "/\(name)"
        guard let url = components.string else { throw BenchError("bad PostgreSQL URL") }
        return ["--postgres", url]
    }

    private func phase(_ arguments: [String]) throws -> PhaseResult {
        let output = try Shell.run(Self.executable, arguments)
        guard let result = PhaseResult.parse(output) else {
            throw BenchError("phase \(arguments[0]) printed no result")
        }
        return result
    }

    /// This executable's own path (`/proc/self/exe` would name the launcher of the child instead).
    static let executable =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]

    private func log(_ text: String) {
        FileHandle.standardError.write(Data("[\(Date().formatted(date: .omitted, time: .standard))] \(text)\n".utf8))
    }
}
