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
        var file = PDFFileBuilder()
        let catalog = file.reserve()
        let pages = file.reserve()
        let page = file.reserve()
        let contents = file.add(.stream(PDFDictionary(), Array(content.utf8)))
        let info = file.add(
            .object(
                .dictionary(
                    PDFDictionary([
                        ("Producer", .string(Array("Passerelle".utf8))),
                        ("Title", .string(Array("DataMatrix \(symbol.sizeName)".utf8))),
                    ]))))
        file.set(
            catalog, .object(.dictionary(PDFDictionary([("Type", .name("Catalog")), ("Pages", .reference(pages))]))))
        file.set(
            pages,
            .object(
                .dictionary(
                    PDFDictionary([
                        ("Type", .name("Pages")), ("Kids", .array([.reference(page)])), ("Count", .integer(1)),
                    ])
                )))
        let mediaBox = PDFObject.array([
            .integer(0), .integer(0), .real(PDFNumber.format(width)), .real(PDFNumber.format(height)),
        ])
        file.set(
            page,
            .object(
                .dictionary(
                    PDFDictionary([
                        ("Type", .name("Page")), ("Parent", .reference(pages)), ("MediaBox", mediaBox),
                        ("Resources", .dictionary(PDFDictionary())), ("Contents", .reference(contents)),
                    ]))))
        return file.build(root: catalog, info: info)
    }
}
