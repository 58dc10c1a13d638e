import Foundation
import IdentityStore

// Identity-store benchmark (issue 4, speed). `all` runs everything and prints the table; the other commands
// are the phases it runs, each in its own process. See `../../run`. Measures and prints; never asserts.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func location() throws -> StoreLocation {
    if let path = option("--sqlite") { return .sqlite(path: path) }
    if let url = option("--postgres") { return .postgres(url: url) }
    throw BenchError("--sqlite PATH or --postgres URL required")
}

let usage = """
    usage: IdentityStoreBench all --work DIR [--rows N] [--seed S] [--batch B] [--postgres-admin URL]
           IdentityStoreBench generate|import|raw-import|search|verify … (phases, run by `all`)
    """

do {
    let work = option("--work") ?? FileManager.default.temporaryDirectory.path + "/identity-store-bench"
    let rows = option("--rows").flatMap { Int($0.replacingOccurrences(of: "_", with: "")) } ?? 1_000_000
    let seed = option("--seed").flatMap(UInt64.init) ?? 20_261_123
    switch arguments.first {
    case "all":
        let batch = option("--batch").flatMap(Int.init) ?? CSVImporter.defaultBatchSize
        try Orchestrator(
            rows: rows, seed: seed, work: work, batchSize: batch, postgresAdmin: option("--postgres-admin")
        ).run()
    case "generate":
        try GeneratePhase.run(
            rows: rows, seed: seed, work: work, queries: option("--queries").flatMap(Int.init) ?? 1_000)
    case "import":
        try await ImportPhase.run(
            location: location(), csv: option("--csv") ?? work + "/identities.csv",
            batchSize: option("--batch").flatMap(Int.init) ?? CSVImporter.defaultBatchSize)
    case "raw-import":
        try await RawImportPhase.run(
            location: location(), rows: option("--rows-file") ?? work + "/rows.csv",
            batchSize: option("--batch").flatMap(Int.init) ?? CSVImporter.defaultBatchSize,
            deferIndexes: arguments.contains("--defer-indexes"))
    case "search":
        try await SearchPhase.run(location: location(), queries: option("--queries") ?? work + "/queries.txt")
    case "verify":
        try await VerifyPhase.run(location: location())
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("IdentityStoreBench: \(error)\n".utf8))
    exit(1)
}
