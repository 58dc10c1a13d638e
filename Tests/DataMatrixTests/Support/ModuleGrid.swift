import DataMatrix

/// A plain dark-module grid (quiet zone included) that renderer outputs are parsed back into, to compare with the
/// symbol module by module.
struct ModuleGrid: Equatable, CustomStringConvertible {
    let rows: Int
    let columns: Int
    var dark: [Bool]

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        dark = [Bool](repeating: false, count: rows * columns)
    }

    init(_ symbol: DataMatrixSymbol) {
        self.init(rows: symbol.totalRows, columns: symbol.totalColumns)
        for row in 0..<symbol.rows {
            for column in 0..<symbol.columns where symbol[row: row, column: column] {
                dark[(row + symbol.quietZone) * columns + column + symbol.quietZone] = true
            }
        }
    }

    /// Marks a run; returns false when it falls outside the grid or overlaps an earlier run.
    mutating func fill(row: Int, column: Int, length: Int) -> Bool {
        guard row >= 0, row < rows, column >= 0, length > 0, column + length <= columns else { return false }
        for index in (row * columns + column)..<(row * columns + column + length) {
            if dark[index] { return false }
            dark[index] = true
        }
        return true
    }

    var description: String {
        (0..<rows).map { row in
            (0..<columns).map { dark[row * columns + $0] ? "#" : "." }.joined()
        }.joined(separator: "\n")
    }
}
