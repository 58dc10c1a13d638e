import DataMatrix

/// Encodes an INS payload the way the ANS validator expects: square symbol, the 26-character header in C40.
enum INSSymbol {
    static func encode(_ payload: [UInt8], quietZoneModules: Int) throws(INSTaggingError) -> DataMatrixSymbol {
        try INSPayload.check(payload)
        let options = DataMatrixOptions(
            shape: .square, encodation: .forcedC40Prefix(26), quietZone: quietZoneModules)
        do {
            return try DataMatrixEncoder.encode(payload, options: options)
        } catch {
            throw .symbolEncoding(error)
        }
    }
}

/// Adapts the encoder's symbol to the grid the PDF layer draws (a wrapper, so the two modules stay independent).
struct DataMatrixGrid: DarkModuleGrid {
    let symbol: DataMatrixSymbol

    var rows: Int { symbol.rows }
    var columns: Int { symbol.columns }

    func isDark(row: Int, column: Int) -> Bool {
        symbol[row: row, column: column]
    }
}
