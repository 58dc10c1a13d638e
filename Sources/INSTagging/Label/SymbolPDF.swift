import DataMatrix

/// A one-page PDF holding only a symbol and its quiet zone, at a given module size: the PDF output of
/// `passerelle datamatrix encode`, for any text (no INS mention, no traits).
public enum SymbolPDF {
    public static func make(_ symbol: DataMatrixSymbol, moduleSizeMM: Double) throws(INSTaggingError) -> [UInt8] {
        guard moduleSizeMM.isFinite, moduleSizeMM > 0, moduleSizeMM <= 10 else {
            throw .invalidRequest(reason: "module size must be in ]0, 10] mm, got \(moduleSizeMM)")
        }
        let module = Units.points(fromMillimetres: moduleSizeMM)
        let width = Double(symbol.totalColumns) * module
        let height = Double(symbol.totalRows) * module
        let content: String
        do {
            content = try PDFPathRenderer.contentStream(for: symbol, moduleSize: module)
        } catch {
            throw .invalidRequest(reason: error.technicalDetail)
        }
        return PDFFileBuilder.singlePage(
            width: width, height: height, content: content, title: "DataMatrix \(symbol.sizeName)"
        ) { _ in PDFDictionary() }
    }
}
