/// PDF content-stream operators drawing a symbol as one filled path (`re` for every dark run, a single `f`),
/// no stroke, so it stays vector and prints crisply at any resolution. The caller places it on a light area: the
/// quiet zone is left unpainted.
public enum PDFPathRenderer {
    /// - Parameters:
    ///   - moduleSize: module size in points (1/72 in); at 300 dpi a whole number of dots, e.g. 4 dots = 0.96 pt.
    ///   - originX, originY: lower-left corner of the symbol's quiet-zone box, in points (PDF y grows upwards).
    public static func contentStream(
        for symbol: DataMatrixSymbol, moduleSize: Double, originX: Double = 0, originY: Double = 0
    ) throws(DataMatrixError) -> String {
        guard moduleSize.isFinite, moduleSize > 0 else {
            throw .invalidRenderingParameter(name: "moduleSize", value: "\(moduleSize)")
        }
        guard originX.isFinite, originY.isFinite else {
            throw .invalidRenderingParameter(name: "origin", value: "\(originX) \(originY)")
        }
        var stream = "q\n0 g\n"
        let top = Double(symbol.totalRows)
        for run in symbol.darkRuns {
            let x = originX + Double(run.column) * moduleSize
            let y = originY + (top - Double(run.row) - 1) * moduleSize
            stream += "\(DecimalFormatting.fixed(x)) \(DecimalFormatting.fixed(y)) "
            stream +=
                "\(DecimalFormatting.fixed(Double(run.length) * moduleSize)) \(DecimalFormatting.fixed(moduleSize)) re\n"
        }
        stream += "f\nQ\n"
        return stream
    }
}
