import Foundation
import IdentityStore

/// The store's own import of `identities.csv`, exactly what `passerelle identities import` runs: streaming
/// CSV, per-line validation and normalisation, batched audited transactions.
enum ImportPhase {
    static func run(location: StoreLocation, csv: String, batchSize: Int) async throws {
        let database = try await IdentityDatabase.open(location)
        let watch = Stopwatch()
        let report = try await CSVImporter.run(path: csv, into: database, actor: "bench", batchSize: batchSize)
        let seconds = watch.seconds
        await database.close()
        var result = PhaseResult()
        result["imported"] = Double(report.imported)
        result["rejected"] = Double(report.errors.count)
        result["seconds"] = seconds
        result["rows_per_second"] = Double(report.imported) / seconds
        result["peak_mib"] = PeakMemory.mebibytes()
        result.emit()
    }
}
