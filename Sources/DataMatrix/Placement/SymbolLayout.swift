/// Builds the module grid: codeword bits through the Annex F placement into each data region, and around every
/// region its finder pattern (solid left and bottom edges, alternating top and right edges starting dark at the
/// top-left and bottom-right corners).
enum SymbolLayout {
    static func modules(codewords: [UInt8], size: SymbolSize) -> [Bool] {
        let placement = CodewordPlacement(rows: size.mappingRows, columns: size.mappingColumns)
        var modules = [Bool](repeating: false, count: size.rows * size.columns)
        let blockRows = size.regionRows + 2
        let blockColumns = size.regionColumns + 2
        for row in 0..<size.rows {
            let inBlockRow = row % blockRows
            for column in 0..<size.columns {
                let inBlockColumn = column % blockColumns
                let dark: Bool
                if inBlockColumn == 0 || inBlockRow == blockRows - 1 {
                    dark = true
                } else if inBlockRow == 0 {
                    dark = inBlockColumn % 2 == 0
                } else if inBlockColumn == blockColumns - 1 {
                    dark = inBlockRow % 2 == 1
                } else {
                    let mappingRow = (row / blockRows) * size.regionRows + inBlockRow - 1
                    let mappingColumn = (column / blockColumns) * size.regionColumns + inBlockColumn - 1
                    dark = isDark(placement.cells[mappingRow * size.mappingColumns + mappingColumn], codewords)
                }
                modules[row * size.columns + column] = dark
            }
        }
        return modules
    }

    private static func isDark(_ cell: Int32, _ codewords: [UInt8]) -> Bool {
        switch cell {
        case CodewordPlacement.fixedDark: return true
        case CodewordPlacement.fixedLight, CodewordPlacement.empty: return false
        default:
            let codeword = codewords[Int(cell >> 3)]
            return codeword & (0x80 >> UInt8(cell & 7)) != 0
        }
    }
}
