/// A finished ECC 200 symbol: the module grid plus the codewords it carries (kept for diagnostics and oracles).
public struct DataMatrixSymbol: Sendable, Equatable {
    /// Module rows, without the quiet zone.
    public let rows: Int
    /// Module columns, without the quiet zone.
    public let columns: Int
    /// Light modules a renderer must leave on every side.
    public let quietZone: Int
    /// Every data codeword of the symbol, padding included, in stream order.
    public let dataCodewords: [UInt8]
    /// How many of `dataCodewords` carry the message; the rest are pads (capacity headroom = count − this).
    public let messageCodewordCount: Int
    /// Reed–Solomon codewords in the order they are placed in the symbol (interleaved when there are several blocks:
    /// error codeword k of block b is at index k × blockCount + b; with one block this is simply the block's order).
    public let errorCodewords: [UInt8]
    /// Row-major, `true` = dark.
    let modules: [Bool]

    init(
        size: DataMatrixSize, quietZone: Int, dataCodewords: [UInt8], messageCodewordCount: Int,
        errorCodewords: [UInt8], modules: [Bool]
    ) {
        self.messageCodewordCount = messageCodewordCount
        self.size = size
        rows = size.rows
        columns = size.columns
        self.quietZone = quietZone
        self.dataCodewords = dataCodewords
        self.errorCodewords = errorCodewords
        self.modules = modules
    }

    /// `true` for a dark module. Coordinates exclude the quiet zone; outside the symbol everything is light.
    public subscript(row row: Int, column column: Int) -> Bool {
        guard row >= 0, row < rows, column >= 0, column < columns else { return false }
        return modules[row * columns + column]
    }

    /// The symbol size, e.g. 40×40.
    public let size: DataMatrixSize

    /// "40x40".
    public var sizeName: String { "\(rows)x\(columns)" }

    /// Rows including the quiet zone on both sides.
    public var totalRows: Int { rows + 2 * quietZone }
    /// Columns including the quiet zone on both sides.
    public var totalColumns: Int { columns + 2 * quietZone }

    /// Module at coordinates that include the quiet zone (what renderers walk over).
    func isDark(paddedRow: Int, paddedColumn: Int) -> Bool {
        self[row: paddedRow - quietZone, column: paddedColumn - quietZone]
    }
}
