import Foundation

/// Imports identities from a CSV file (header line; `,` or `;`). Good lines are committed in batches; a bad
/// line is reported with its number, field and reason and never stops the others.
///
/// The file is streamed: memory holds two batches, not the file. Each batch is one transaction (audited by one
/// event listing every created row); `progress` is called after each commit, in file order, and is the
/// acknowledgement — every line up to `ImportProgress.settledThroughLine` is stored or reported, and survives
/// a crash. An import stopped midway is resumed with the lines after that one.
///
/// While a batch is being written, the next one is read and validated (parsing and normalising cost about as
/// much as the database work, and they need nothing from it): at most one batch is in flight, so a failed
/// write stops the import with every earlier batch acknowledged and nothing later committed.
public enum CSVImporter {
    /// Lines per transaction when the caller does not choose: large enough that a commit's index pages are
    /// shared by many rows, small enough that a batch stays a few megabytes in memory.
    public static let defaultBatchSize = 20_000

    public static func run(
        path: String, into repository: any IdentityRepository, actor: String, batchSize: Int = defaultBatchSize,
        progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws(StoreError) -> ImportReport {
        var reader = try CSVRecordReader(path: path)
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let start = FileHandle(forReadingAtPath: path)?.readData(ofLength: 4096) ?? Data()
        if let firstLine = start.split(separator: UInt8(ascii: "\n")).first, firstLine.contains(UInt8(ascii: ";")) {
            reader.separator = UInt8(ascii: ";")
        }
        guard let header = reader.next() else {
            throw .invalidInput(field: "fichier", reason: "fichier vide (une ligne d'en-tête est attendue)")
        }
        let parser = try CSVLineParser(header: header.fields)
        let size = max(1, batchSize)
        var errors: [ImportLineError] = []
        var batch: [ParsedLine] = []
        batch.reserveCapacity(size)
        var imported = 0
        var lines = 0
        var lastLine = 0
        var batches = 0
        var inFlight: InFlightBatch?

        /// Waits for the batch being written and acknowledges it.
        func settle() async throws(StoreError) {
            guard let pending = inFlight else { return }
            inFlight = nil
            imported += try await pending.task.value.get()
            batches += 1
            progress(
                ImportProgress(
                    linesRead: pending.linesRead, imported: imported, rejected: pending.rejected,
                    bytesRead: pending.bytesRead, totalBytes: totalBytes, settledThroughLine: pending.lastLine,
                    committedBatches: batches))
        }
        /// Starts writing the current batch once the previous one is acknowledged.
        func launch() async throws(StoreError) {
            try await settle()
            guard !batch.isEmpty else { return }
            let cut = batch
            batch = []
            batch.reserveCapacity(size)
            let task = Task { () async -> Result<Int, StoreError> in
                do throws(StoreError) {
                    return .success(try await write(cut, into: repository, actor: actor))
                } catch {
                    return .failure(error)
                }
            }
            inFlight = InFlightBatch(
                task: task, linesRead: lines, rejected: errors.count,
                bytesRead: reader.bytesRead, lastLine: lastLine)
        }

        while let record = reader.next() {
            lines += 1
            lastLine = record.line
            switch parser.parse(record) {
            case .success(let line): batch.append(line)
            case .failure(let error): errors.append(error)
            }
            if batch.count >= size { try await launch() }
        }
        try await launch()
        try await settle()
        progress(
            ImportProgress(
                linesRead: lines, imported: imported, rejected: errors.count, bytesRead: reader.bytesRead,
                totalBytes: totalBytes, settledThroughLine: lastLine, committedBatches: batches, finished: true))
        return ImportReport(imported: imported, errors: errors, committedBatches: batches)
    }

    private static func write(_ lines: [ParsedLine], into repository: any IdentityRepository, actor: String)
        async throws(StoreError) -> Int
    {
        if let database = repository as? IdentityDatabase {
            return try await database.importNormalized(lines.map { ($0.identity, $0.normalized) }, actor: actor)
        }
        return try await repository.importIdentities(lines.map(\.identity), actor: actor).count
    }
}

/// A batch handed to the store and not yet acknowledged, with where the file stood when it was cut.
private struct InFlightBatch {
    let task: Task<Result<Int, StoreError>, Never>
    let linesRead: Int
    let rejected: Int
    let bytesRead: Int
    let lastLine: Int
}
