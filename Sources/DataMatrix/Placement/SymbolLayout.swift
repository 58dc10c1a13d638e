/// Builds the module grid: codeword bits through the Annex F placement into each data region, and around every
/// region its finder pattern (solid left and bottom edges, alternating top and right edges starting dark at the
/// top-left and bottom-right corners).
enum SymbolLayout {
    /// Per size, what each module of the symbol shows: a codeword bit (codeword × 8 + bit) or a fixed value.
    /// Depends only on the size, so it is built once and encoding is a single pass over it.
    static let templates: [Int: [Int32]] = {
        var table: [Int: [Int32]] = [:]
        for size in SymbolSize.all { table[CodewordPlacement.key(size)] = template(for: size) }
        return table
    }()

    static func modules(codewords: [UInt8], size: SymbolSize) -> [Bool] {
        let cells = templates[CodewordPlacement.key(size)] ?? template(for: size)
        return cells.map { cell in
            if cell >= 0 { return codewords[Int(cell >> 3)] & (0x80 >> UInt8(cell & 7)) != 0 }
            return cell == CodewordPlacement.fixedDark
        }
    }

    private static func template(for size: SymbolSize) -> [Int32] {
        let placement = CodewordPlacement(rows: size.mappingRows, columns: size.mappingColumns)
        var cells = [Int32](repeating: CodewordPlacement.fixedLight, count: size.rows * size.columns)
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
                    let cell = placement.cells[mappingRow * size.mappingColumns + mappingColumn]
                    cells[row * size.columns + column] =
                        cell == CodewordPlacement.empty ? CodewordPlacement.fixedLight : cell
                    continue
                }
                cells[row * size.columns + column] = dark ? CodewordPlacement.fixedDark : CodewordPlacement.fixedLight
            }
        }
        return cells
    }
}
