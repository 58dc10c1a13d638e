/// ISO/IEC 16022 Annex F: where each bit of each codeword lands in the mapping matrix (the data regions joined,
/// finder patterns removed). Codewords are laid in diagonal "utah" shapes of eight modules, sweeping up-right then
/// down-left; four corner shapes handle the edges, and a mapping matrix whose bottom-right corner stays empty gets a
/// fixed 2×2 checker there.
struct CodewordPlacement {
    let rows: Int
    let columns: Int
    /// For each mapping-matrix module: codeword index × 8 + bit (0 = most significant), or a fixed value.
    private(set) var cells: [Int32]

    static let empty: Int32 = -1
    static let fixedLight: Int32 = -2
    static let fixedDark: Int32 = -3

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = [Int32](repeating: Self.empty, count: rows * columns)
        layOut()
    }

    private func cell(_ row: Int, _ column: Int) -> Int32 { cells[row * columns + column] }

    static func key(_ size: SymbolSize) -> Int { size.rows * 1000 + size.columns }

    /// Places one bit; positions off the top or left edge wrap round as Annex F prescribes.
    private mutating func place(_ row: Int, _ column: Int, codeword: Int, bit: Int) {
        var row = row
        var column = column
        if row < 0 {
            row += rows
            column += 4 - ((rows + 4) % 8)
        }
        if column < 0 {
            column += columns
            row += 4 - ((columns + 4) % 8)
        }
        cells[row * columns + column] = Int32(codeword * 8 + bit)
    }

    private static let utahOffsets = [(-2, -2), (-2, -1), (-1, -2), (-1, -1), (-1, 0), (0, -2), (0, -1), (0, 0)]

    /// The standard shape: bit 0 (most significant) at (row − 2, column − 2), bit 7 at (row, column).
    private mutating func utah(_ row: Int, _ column: Int, codeword: Int) {
        for (bit, offset) in Self.utahOffsets.enumerated() {
            place(row + offset.0, column + offset.1, codeword: codeword, bit: bit)
        }
    }

    private mutating func corner(_ positions: [(Int, Int)], codeword: Int) {
        for (bit, position) in positions.enumerated() {
            place(position.0, position.1, codeword: codeword, bit: bit)
        }
    }

    private var corner1: [(Int, Int)] {
        [
            (rows - 1, 0), (rows - 1, 1), (rows - 1, 2), (0, columns - 2), (0, columns - 1), (1, columns - 1),
            (2, columns - 1), (3, columns - 1),
        ]
    }
    private var corner2: [(Int, Int)] {
        [
            (rows - 3, 0), (rows - 2, 0), (rows - 1, 0), (0, columns - 4), (0, columns - 3), (0, columns - 2),
            (0, columns - 1), (1, columns - 1),
        ]
    }
    private var corner3: [(Int, Int)] {
        [
            (rows - 3, 0), (rows - 2, 0), (rows - 1, 0), (0, columns - 2), (0, columns - 1), (1, columns - 1),
            (2, columns - 1), (3, columns - 1),
        ]
    }
    private var corner4: [(Int, Int)] {
        [
            (rows - 1, 0), (rows - 1, columns - 1), (0, columns - 3), (0, columns - 2), (0, columns - 1),
            (1, columns - 3), (1, columns - 2), (1, columns - 1),
        ]
    }

    private mutating func layOut() {
        var codeword = 0
        var row = 4
        var column = 0
        repeat {
            if row == rows && column == 0 {
                corner(corner1, codeword: codeword)
                codeword += 1
            }
            if row == rows - 2 && column == 0 && columns % 4 != 0 {
                corner(corner2, codeword: codeword)
                codeword += 1
            }
            if row == rows - 2 && column == 0 && columns % 8 == 4 {
                corner(corner3, codeword: codeword)
                codeword += 1
            }
            if row == rows + 4 && column == 2 && columns % 8 == 0 {
                corner(corner4, codeword: codeword)
                codeword += 1
            }
            repeat {  // up and to the right
                if row < rows && column >= 0 && cell(row, column) == Self.empty {
                    utah(row, column, codeword: codeword)
                    codeword += 1
                }
                row -= 2
                column += 2
            } while row >= 0 && column < columns
            row += 1
            column += 3
            repeat {  // down and to the left
                if row >= 0 && column < columns && cell(row, column) == Self.empty {
                    utah(row, column, codeword: codeword)
                    codeword += 1
                }
                row += 2
                column -= 2
            } while row < rows && column >= 0
            row += 3
            column += 1
        } while row < rows || column < columns
        if cell(rows - 1, columns - 1) == Self.empty {
            cells[(rows - 1) * columns + columns - 1] = Self.fixedDark
            cells[(rows - 2) * columns + columns - 2] = Self.fixedDark
            cells[(rows - 1) * columns + columns - 2] = Self.fixedLight
            cells[(rows - 2) * columns + columns - 1] = Self.fixedLight
        }
    }
}
