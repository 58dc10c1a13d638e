import DataMatrix

/// Stamps page 1 of an existing PDF with the INS DataMatrix, « INS à scanner » and the traits, by incremental
/// update: the input bytes are the untouched prefix of the output. Encrypted or damaged files are refused.
public enum PDFStamper {
    /// Encodes `request.payload` (square symbol, header in C40) and stamps it.
    public static func stampFirstPage(of pdf: [UInt8], with request: StampRequest) throws(INSTaggingError) -> [UInt8] {
        try request.validate()
        let symbol = try INSSymbol.encode(request.payload, quietZoneModules: request.quietZoneModules)
        return try stampFirstPage(of: pdf, with: request, grid: DataMatrixGrid(symbol: symbol))
    }

    /// For a symbol the caller already encoded from `request.payload`.
    public static func stampFirstPage(of pdf: [UInt8], with request: StampRequest, symbol: DataMatrixSymbol)
        throws(INSTaggingError) -> [UInt8]
    {
        try stampFirstPage(of: pdf, with: request, grid: DataMatrixGrid(symbol: symbol))
    }

    public static func stampFirstPage(of pdf: [UInt8], with request: StampRequest, grid: some DarkModuleGrid)
        throws(INSTaggingError) -> [UInt8]
    {
        try request.validate()
        let reader = try PDFDocumentReader(bytes: pdf)
        let page = try reader.firstPage()
        let geometry = try PageGeometry(page: page, reader: reader)
        let block = try makeBlock(request, grid: grid)
        let placement = try StampPlacement.transform(
            blockWidth: block.width, blockHeight: block.height, request: request, geometry: geometry)

        var update = IncrementalUpdate(original: pdf, crossReference: reader.crossReference)
        var fonts: [StandardFont: PDFReference] = [:]
        for font in StandardFont.allCases {
            fonts[font] = update.add(.object(.dictionary(font.fontDictionary)))
        }
        let form = update.add(
            .stream(
                PDFDictionary([
                    ("Type", .name("XObject")),
                    ("Subtype", .name("Form")),
                    ("BBox", .array([.integer(0), .integer(0), number(block.width), number(block.height)])),
                    (
                        "Resources",
                        .dictionary(
                            PDFDictionary([
                                ("Font", .dictionary(TagBlock.fontResources(fonts))),
                                ("ProcSet", .array([.name("PDF"), .name("Text")])),
                            ]))
                    ),
                ]),
                Array(block.content.utf8)))
        let merged = try ResourceMerger.merge(page: page, reader: reader, stamp: form)
        // The original content runs inside q … Q so that whatever graphics state it leaves cannot move the stamp.
        let prefix = update.add(.stream(PDFDictionary(), Array("q\n".utf8)))
        let suffix = update.add(
            .stream(
                PDFDictionary(),
                Array("\nQ\nq \(placement.operands) cm /\(merged.name) Do Q\n".utf8)))
        var newPage = page.dictionary
        newPage["Contents"] = .array(
            [.reference(prefix)] + (try originalContents(page, reader: reader)) + [.reference(suffix)])
        newPage["Resources"] = .dictionary(merged.resources)
        update.replace(page.reference, with: .object(.dictionary(newPage)))
        return update.build()
    }

    private static func makeBlock(_ request: StampRequest, grid: some DarkModuleGrid) throws(INSTaggingError)
        -> TagBlock
    {
        let encoded = try TextLayout.encode(request.lines)
        let maximumWidth = Units.points(fromMillimetres: request.maximumTextWidthMM)
        guard let lines = try TextLayout.layout(encoded, fontSize: request.fontSize, maximumWidth: maximumWidth) else {
            throw .doesNotFit(reason: "a word of the traits is wider than \(request.maximumTextWidthMM) mm")
        }
        let style = TagBlockStyle(
            moduleSize: Units.points(fromMillimetres: request.moduleSizeMM),
            quietZoneModules: request.quietZoneModules, fontSize: request.fontSize,
            textPadding: Units.points(fromMillimetres: 1), whiteBackground: true)
        return try TagBlock(grid: grid, lines: lines, style: style)
    }

    /// The page's content streams as references, whether `/Contents` is one stream, an array, or a reference to
    /// an array.
    private static func originalContents(_ page: FirstPage, reader: PDFDocumentReader) throws(INSTaggingError)
        -> [PDFObject]
    {
        guard let contents = page.dictionary["Contents"] else { return [] }
        let items: [PDFObject]
        switch contents {
        case .reference(let reference):
            switch try reader.object(reference) {
            case .stream: return [contents]
            case .array(let array): items = array
            case .null: return []
            default: throw .damagedPDF(reason: "page 1 /Contents is neither a stream nor an array")
            }
        case .array(let array):
            items = array
        default:
            throw .damagedPDF(reason: "page 1 /Contents is not a reference or an array")
        }
        for item in items {
            guard case .reference = item else {
                throw .damagedPDF(reason: "page 1 /Contents array holds a direct object")
            }
        }
        return items
    }

    private static func number(_ value: Double) -> PDFObject {
        .real(PDFNumber.format(value))
    }
}
