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
        var clock = BatchClock()

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

        /// Starts writing the current batch once the previous one is acknowledged. The batch's records, values
        /// and digests are built first, here, while the previous batch is still being written.
        func launch() async throws(StoreError) {
            let job = batch.isEmpty ? nil : BatchJob(batch, into: repository, clock: &clock)
            batch = []
            try await settle()
            guard let job else { return }
            batch.reserveCapacity(size)
            let task = Task { () async -> Result<Int, StoreError> in
                do throws(StoreError) {
                    return .success(try await job.write(into: repository, actor: actor))
                } catch {
                    return .failure(error)
                }
            }
            inFlight = InFlightBatch(
                task: task, linesRead: lines, rejected: errors.count,
                bytesRead: reader.bytesRead, lastLine: lastLine)
        }

        /// Reads the file, launching each full batch.
        func read() async throws(StoreError) {
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
        }

        // An empty SQLite base is loaded without its identity indexes, built once at the end (or at the next
        // open if the import dies): each index costs a random B-tree insert per row otherwise.
        let database = repository as? IdentityDatabase
        let initialLoad = try await database?.beginInitialLoad() ?? false
        do throws(StoreError) {
            try await read()
        } catch {
            // Whatever stopped the import, the committed batches get their indexes back now.
            if initialLoad { try? await database?.finishInitialLoad() }
            throw error
        }
        if initialLoad { try await database?.finishInitialLoad() }
        progress(
            ImportProgress(
                linesRead: lines, imported: imported, rejected: errors.count, bytesRead: reader.bytesRead,
                totalBytes: totalBytes, settledThroughLine: lastLine, committedBatches: batches, finished: true))
        return ImportReport(
            imported: imported, errors: errors, committedBatches: batches, rebuiltIndexes: initialLoad)
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

/// One batch on its way to the store: prepared (records, values, digests) when the repository is the store
/// itself, plain identities for any other repository.
private enum BatchJob: Sendable {
    case prepared(PreparedImport, IdentityDatabase)
    case identities([NewIdentity])

    init(_ lines: [ParsedLine], into repository: any IdentityRepository, clock: inout BatchClock) {
        if let database = repository as? IdentityDatabase {
            let ready = lines.map { ($0.identity, $0.normalized) }
            self = .prepared(IdentityDatabase.prepareImport(ready, at: clock.next(), keepRecords: false), database)
        } else {
            self = .identities(lines.map(\.identity))
        }
    }

    func write(into repository: any IdentityRepository, actor: String) async throws(StoreError) -> Int {
        switch self {
        case .prepared(let prepared, let database): try await database.commitImport(prepared, actor: actor)
        case .identities(let identities): try await repository.importIdentities(identities, actor: actor).count
        }
    }
}

/// Batch times that strictly increase: a batch is dated when it is prepared, and two batches prepared within
/// one millisecond must still get distinct creation times and ids that sort after the previous batch's.
private struct BatchClock {
    var last = Timestamp(milliseconds: 0)

    mutating func next() -> Timestamp {
        let now = Timestamp.now
        last = now > last ? now : Timestamp(milliseconds: last.milliseconds + 1)
        return last
    }
}
