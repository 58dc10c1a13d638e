/// Horizontal runs of dark modules, the unit every vector renderer draws: one rectangle per run keeps files small and
/// leaves no hairline seams between adjacent modules.
struct ModuleRun: Sendable, Equatable {
    /// Row and first column in coordinates that include the quiet zone.
    let row: Int
    let column: Int
    let length: Int
}

extension DataMatrixSymbol {
    var darkRuns: [ModuleRun] {
        var runs: [ModuleRun] = []
        for row in 0..<rows {
            var column = 0
            while column < columns {
                guard self[row: row, column: column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < columns && self[row: row, column: column] { column += 1 }
                runs.append(ModuleRun(row: row + quietZone, column: start + quietZone, length: column - start))
            }
        }
        return runs
    }
}
