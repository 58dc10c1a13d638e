/// An ECC 200 symbol size (module counts without the quiet zone). Only ISO/IEC 16022 sizes exist; never DMRE.
public struct DataMatrixSize: Sendable, Hashable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int

    /// `nil` when `rows`×`columns` is not an ECC 200 size (square 10…144 or rectangular 8×18…16×48).
    public init?(rows: Int, columns: Int) {
        guard SymbolSize.all.contains(where: { $0.rows == rows && $0.columns == columns }) else { return nil }
        self.rows = rows
        self.columns = columns
    }

    /// `nil` when `side` is not a square ECC 200 size.
    public static func square(_ side: Int) -> DataMatrixSize? {
        DataMatrixSize(rows: side, columns: side)
    }

    /// Every size the encoder can produce, smallest capacity first.
    public static var allSizes: [DataMatrixSize] {
        SymbolSize.all.map { DataMatrixSize(validated: $0) }
    }

    /// Data codewords the size holds.
    public var dataCapacity: Int {
        symbolSize?.dataCodewords ?? 0
    }

    public var isSquare: Bool { rows == columns }

    /// "40x40": the name readers and other encoders print.
    public var description: String { "\(rows)x\(columns)" }

    init(validated size: SymbolSize) {
        rows = size.rows
        columns = size.columns
    }

    var symbolSize: SymbolSize? {
        SymbolSize.all.first { $0.rows == rows && $0.columns == columns }
    }
}
