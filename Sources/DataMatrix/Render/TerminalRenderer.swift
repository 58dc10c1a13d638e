/// Text renderings for terminals and logs.
public enum TerminalRenderer {
    public enum Style: Sendable, Equatable {
        /// Two module rows per line with ▀ ▄ █, forced black on white with ANSI colours so the symbol is the right way
        /// round on dark and light terminals alike.
        case halfBlocks
        /// The same characters without colour codes, for terminals without ANSI support (light background needed).
        case halfBlocksWithoutColour
        /// Plain ASCII: one line per module row, two characters per module (`##` dark, spaces light).
        case ascii
    }

    private static let blackOnWhite = "\u{1B}[38;5;16;48;5;231m"
    private static let reset = "\u{1B}[0m"

    /// Lines are separated by "\n" (one at the end too); the quiet zone is included.
    public static func render(_ symbol: DataMatrixSymbol, style: Style = .halfBlocks) -> String {
        var output = ""
        switch style {
        case .ascii:
            for row in 0..<symbol.totalRows {
                for column in 0..<symbol.totalColumns {
                    output += symbol.isDark(paddedRow: row, paddedColumn: column) ? "##" : "  "
                }
                output += "\n"
            }
        case .halfBlocks, .halfBlocksWithoutColour:
            let coloured = style == .halfBlocks
            for row in stride(from: 0, to: symbol.totalRows, by: 2) {
                if coloured { output += blackOnWhite }
                for column in 0..<symbol.totalColumns {
                    let upper = symbol.isDark(paddedRow: row, paddedColumn: column)
                    let lower = symbol.isDark(paddedRow: row + 1, paddedColumn: column)
                    switch (upper, lower) {
                    case (true, true): output += "\u{2588}"
                    case (true, false): output += "\u{2580}"
                    case (false, true): output += "\u{2584}"
                    case (false, false): output += " "
                    }
                }
                if coloured { output += reset }
                output += "\n"
            }
        }
        return output
    }
}
