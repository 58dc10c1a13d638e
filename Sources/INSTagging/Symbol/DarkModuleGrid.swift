/// What the PDF layer needs from a 2D symbol: its module grid without quiet zone, row 0 at the top.
///
/// Kept as a protocol so that the PDF code depends on a shape, not on one encoder; `DataMatrixSymbol` conforms.
public protocol DarkModuleGrid {
    var rows: Int { get }
    var columns: Int { get }
    func isDark(row: Int, column: Int) -> Bool
}

/// A grid given as plain booleans (row-major), for callers that already hold a rendered matrix.
public struct ModuleMatrix: DarkModuleGrid, Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let dark: [Bool]

    public init?(rows: Int, columns: Int, dark: [Bool]) {
        guard rows > 0, columns > 0, dark.count == rows * columns else { return nil }
        self.rows = rows
        self.columns = columns
        self.dark = dark
    }

    public func isDark(row: Int, column: Int) -> Bool {
        dark[row * columns + column]
    }
}
