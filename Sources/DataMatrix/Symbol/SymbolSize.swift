/// The ISO/IEC 16022 ECC 200 attributes of one symbol size (Table 7). DMRE sizes are deliberately absent.
struct SymbolSize: Sendable, Equatable {
    let rows: Int
    let columns: Int
    /// Size of one data region, finder pattern excluded.
    let regionRows: Int
    let regionColumns: Int
    let verticalRegions: Int
    let horizontalRegions: Int
    let dataCodewords: Int
    /// Error codewords of the whole symbol (all blocks).
    let errorCodewords: Int
    /// Reed–Solomon blocks the codewords are interleaved over.
    let blockCount: Int

    var isSquare: Bool { rows == columns }
    /// The mapping matrix of Annex F: all data regions side by side, finder patterns removed.
    var mappingRows: Int { regionRows * verticalRegions }
    var mappingColumns: Int { regionColumns * horizontalRegions }
    var errorCodewordsPerBlock: Int { errorCodewords / blockCount }

    private init(
        _ rows: Int, _ columns: Int, region: (Int, Int), regions: (Int, Int), data: Int, error: Int, blocks: Int
    ) {
        self.rows = rows
        self.columns = columns
        regionRows = region.0
        regionColumns = region.1
        verticalRegions = regions.0
        horizontalRegions = regions.1
        dataCodewords = data
        errorCodewords = error
        blockCount = blocks
    }

    /// Squares then rectangles, as listed by ISO/IEC 16022.
    static let squares: [SymbolSize] = [
        SymbolSize(10, 10, region: (8, 8), regions: (1, 1), data: 3, error: 5, blocks: 1),
        SymbolSize(12, 12, region: (10, 10), regions: (1, 1), data: 5, error: 7, blocks: 1),
        SymbolSize(14, 14, region: (12, 12), regions: (1, 1), data: 8, error: 10, blocks: 1),
        SymbolSize(16, 16, region: (14, 14), regions: (1, 1), data: 12, error: 12, blocks: 1),
        SymbolSize(18, 18, region: (16, 16), regions: (1, 1), data: 18, error: 14, blocks: 1),
        SymbolSize(20, 20, region: (18, 18), regions: (1, 1), data: 22, error: 18, blocks: 1),
        SymbolSize(22, 22, region: (20, 20), regions: (1, 1), data: 30, error: 20, blocks: 1),
        SymbolSize(24, 24, region: (22, 22), regions: (1, 1), data: 36, error: 24, blocks: 1),
        SymbolSize(26, 26, region: (24, 24), regions: (1, 1), data: 44, error: 28, blocks: 1),
        SymbolSize(32, 32, region: (14, 14), regions: (2, 2), data: 62, error: 36, blocks: 1),
        SymbolSize(36, 36, region: (16, 16), regions: (2, 2), data: 86, error: 42, blocks: 1),
        SymbolSize(40, 40, region: (18, 18), regions: (2, 2), data: 114, error: 48, blocks: 1),
        SymbolSize(44, 44, region: (20, 20), regions: (2, 2), data: 144, error: 56, blocks: 1),
        SymbolSize(48, 48, region: (22, 22), regions: (2, 2), data: 174, error: 68, blocks: 1),
        SymbolSize(52, 52, region: (24, 24), regions: (2, 2), data: 204, error: 84, blocks: 2),
        SymbolSize(64, 64, region: (14, 14), regions: (4, 4), data: 280, error: 112, blocks: 2),
        SymbolSize(72, 72, region: (16, 16), regions: (4, 4), data: 368, error: 144, blocks: 4),
        SymbolSize(80, 80, region: (18, 18), regions: (4, 4), data: 456, error: 192, blocks: 4),
        SymbolSize(88, 88, region: (20, 20), regions: (4, 4), data: 576, error: 224, blocks: 4),
        SymbolSize(96, 96, region: (22, 22), regions: (4, 4), data: 696, error: 272, blocks: 4),
        SymbolSize(104, 104, region: (24, 24), regions: (4, 4), data: 816, error: 336, blocks: 6),
        SymbolSize(120, 120, region: (18, 18), regions: (6, 6), data: 1050, error: 408, blocks: 6),
        SymbolSize(132, 132, region: (20, 20), regions: (6, 6), data: 1304, error: 496, blocks: 8),
        SymbolSize(144, 144, region: (22, 22), regions: (6, 6), data: 1558, error: 620, blocks: 10),
    ]

    static let rectangles: [SymbolSize] = [
        SymbolSize(8, 18, region: (6, 16), regions: (1, 1), data: 5, error: 7, blocks: 1),
        SymbolSize(8, 32, region: (6, 14), regions: (1, 2), data: 10, error: 11, blocks: 1),
        SymbolSize(12, 26, region: (10, 24), regions: (1, 1), data: 16, error: 14, blocks: 1),
        SymbolSize(12, 36, region: (10, 16), regions: (1, 2), data: 22, error: 18, blocks: 1),
        SymbolSize(16, 36, region: (14, 16), regions: (1, 2), data: 32, error: 24, blocks: 1),
        SymbolSize(16, 48, region: (14, 22), regions: (1, 2), data: 49, error: 28, blocks: 1),
    ]

    static let all: [SymbolSize] = squares + rectangles

    /// The sizes the options allow, smallest capacity first. On equal capacity the requested minimum comes first,
    /// then squares.
    static func candidates(shape: DataMatrixOptions.Shape, minimum: DataMatrixSize?) -> [SymbolSize] {
        let pool = shape == .square ? squares : all
        let minimumCapacity = minimum?.dataCapacity ?? 0
        func rank(_ size: SymbolSize) -> Int {
            if size.rows == minimum?.rows && size.columns == minimum?.columns { return 0 }
            return size.isSquare ? 1 : 2
        }
        return pool.filter { $0.dataCodewords >= minimumCapacity }
            .enumerated()
            .sorted { lhs, rhs in
                if lhs.element.dataCodewords != rhs.element.dataCodewords {
                    return lhs.element.dataCodewords < rhs.element.dataCodewords
                }
                if rank(lhs.element) != rank(rhs.element) { return rank(lhs.element) < rank(rhs.element) }
                return lhs.offset < rhs.offset
            }
            .map(\.element)
    }
}
