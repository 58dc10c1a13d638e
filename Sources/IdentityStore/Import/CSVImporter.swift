import Foundation

/// Imports identities from a CSV file (header line; `,` or `;`). Good lines are committed in batches; a bad
/// line is reported with its number, field and reason and never stops the others.
///
/// The file is streamed: memory holds one batch, not the file. Each batch is one transaction (one audit event
/// per identity); `progress` is called after each commit and is the acknowledgement — every line up to
/// `ImportProgress.settledThroughLine` is stored or reported, and survives a crash. An import stopped midway
/// is resumed with the lines after that one.
public enum CSVImporter {
    public static func run(
        path: String, into repository: any IdentityRepository, actor: String, batchSize: Int = 2_000,
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
        var errors: [ImportLineError] = []
        var batch: [ParsedLine] = []
        var imported = 0
        var lines = 0
        var lastLine = 0
        var batches = 0
        func flush() async throws(StoreError) {
            guard !batch.isEmpty else { return }
            if let database = repository as? IdentityDatabase {
                imported += try await database.importNormalized(
                    batch.map { ($0.identity, $0.normalized) }, actor: actor)
            } else {
                imported += try await repository.importIdentities(batch.map(\.identity), actor: actor).count
            }
            batches += 1
            batch.removeAll(keepingCapacity: true)
            progress(
                ImportProgress(
                    linesRead: lines, imported: imported, rejected: errors.count, bytesRead: reader.bytesRead,
                    totalBytes: totalBytes, settledThroughLine: lastLine, committedBatches: batches))
        }
        while let record = reader.next() {
            lines += 1
            lastLine = record.line
            switch parser.parse(record) {
            case .success(let line): batch.append(line)
            case .failure(let error): errors.append(error)
            }
            if batch.count >= batchSize { try await flush() }
        }
        try await flush()
        progress(
            ImportProgress(
                linesRead: lines, imported: imported, rejected: errors.count, bytesRead: reader.bytesRead,
                totalBytes: totalBytes, settledThroughLine: lastLine, committedBatches: batches))
        return ImportReport(imported: imported, errors: errors, committedBatches: batches)
    }
}
