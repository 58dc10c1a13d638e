/// The dark modules as one filled path of horizontal runs, in module units with the origin at the bottom-left
/// module: exact integer rectangles, no stroke, so no hairline gaps and no bleeding between modules.
enum SymbolPath {
    static let maximumSide = 256

    static func operators(for grid: some DarkModuleGrid) throws(INSTaggingError) -> String {
        guard (1...maximumSide).contains(grid.rows), (1...maximumSide).contains(grid.columns) else {
            throw .invalidRequest(reason: "symbol of \(grid.rows)×\(grid.columns) modules")
        }
        var lines: [String] = []
        for row in 0..<grid.rows {
            let y = grid.rows - 1 - row
            var column = 0
            while column < grid.columns {
                guard grid.isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < grid.columns, grid.isDark(row: row, column: column) {
                    column += 1
                }
                lines.append("\(start) \(y) \(column - start) 1 re")
            }
        }
        guard !lines.isEmpty else {
            throw .invalidRequest(reason: "symbol has no dark module")
        }
        return lines.joined(separator: "\n") + "\nf\n"
    }
}
