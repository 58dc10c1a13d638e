import INS

/// Why one line of an import was refused: its line number in the file, the column, and the reason in French
/// (with the English detail and a stable code for programs).
public struct ImportLineError: Error, Sendable, Hashable {
    public let line: Int
    public let field: String
    public let code: String
    public let message: String
    public let detail: String

    init(line: Int, field: String, error: any PasserelleError) {
        self.line = line
        self.field = field
        self.code = error.code
        self.message = error.userMessage
        self.detail = error.technicalDetail
    }

    init(line: Int, field: String, code: String, message: String, detail: String) {
        self.line = line
        self.field = field
        self.code = code
        self.message = message
        self.detail = detail
    }
}

/// Where an import stands, for a progress bar.
public struct ImportProgress: Sendable {
    public let linesRead: Int
    public let imported: Int
    public let rejected: Int
    public let bytesRead: Int
    public let totalBytes: Int
    /// Every line up to this one (file line number) is committed or reported in the errors: the acknowledgement
    /// of a batch. A crash after this report loses none of them.
    public let settledThroughLine: Int
    /// Transactions committed so far (one per batch).
    public let committedBatches: Int
    /// The last report: the whole file is read, every batch committed and every bad line reported.
    public var finished = false
}

/// The outcome of an import: how many identities were created and every refused line.
public struct ImportReport: Sendable {
    public let imported: Int
    public let errors: [ImportLineError]
    /// How many transactions the import committed (one per batch, each acknowledged through the progress).
    public let committedBatches: Int
    /// Whether the import was an initial load (empty SQLite base) whose identity indexes were built at the end.
    public var rebuiltIndexes = false
}
