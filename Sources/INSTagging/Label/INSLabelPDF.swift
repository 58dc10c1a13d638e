import DataMatrix

/// One-page label PDFs: vector symbol, « INS à scanner » and the traits in clear, standard fonts only.
public enum INSLabelPDF {
    static let textPaddingMM = 0.8
    static let fontSizeStep = 0.25

    /// Encodes `request.payload` (square symbol, 26-character header in C40) and lays the label out.
    public static func make(_ request: INSLabelRequest) throws(INSTaggingError) -> [UInt8] {
        let symbol = try INSSymbol.encode(request.payload, quietZoneModules: request.quietZoneModules)
        return try make(request, grid: DataMatrixGrid(symbol: symbol))
    }

    /// For a symbol the caller already encoded from `request.payload`.
    public static func make(_ request: INSLabelRequest, symbol: DataMatrixSymbol) throws(INSTaggingError) -> [UInt8] {
        try make(request, grid: DataMatrixGrid(symbol: symbol))
    }

    /// For any module grid (the PDF layer does not depend on one encoder).
    public static func make(_ request: INSLabelRequest, grid symbol: some DarkModuleGrid) throws(INSTaggingError)
        -> [UInt8]
    {
        try INSPayload.check(request.payload)
        try TagBlockStyle.validate(moduleSizeMM: request.moduleSizeMM, quietZoneModules: request.quietZoneModules)
        try request.page.validate()
        guard request.minimumFontSize >= 3, request.maximumFontSize >= request.minimumFontSize,
            request.maximumFontSize <= 72
        else {
            throw .invalidRequest(reason: "font sizes must satisfy 3 ≤ minimum ≤ maximum ≤ 72")
        }
        let block = try fittedBlock(request, symbol: symbol)
        return build(request, block: block)
    }

    private static func fittedBlock(_ request: INSLabelRequest, symbol: some DarkModuleGrid) throws(INSTaggingError)
        -> TagBlock
    {
        let page = request.page
        let availableWidth = Units.points(fromMillimetres: page.frameWidthMM - 2 * page.marginMM)
        let availableHeight = Units.points(fromMillimetres: page.frameHeightMM - 2 * page.marginMM)
        let module = Units.points(fromMillimetres: request.moduleSizeMM)
        let padding = Units.points(fromMillimetres: textPaddingMM)
        let symbolSide = Double(max(symbol.rows, symbol.columns) + 2 * request.quietZoneModules) * module
        guard symbolSide <= min(availableWidth, availableHeight) else {
            throw .doesNotFit(reason: "symbol needs \(PDFNumber.format(symbolSide)) pt, the label offers less")
        }
        let encoded = try TextLayout.encode(request.lines)
        let textWidth = availableWidth - Double(symbol.columns + 2 * request.quietZoneModules) * module - 2 * padding
        // First the largest size at which every trait stays on one line; wrapping only when no size allows that.
        for allowWrapping in [false, true] {
            var fontSize = request.maximumFontSize
            while fontSize >= request.minimumFontSize - 1e-9, textWidth > 0 {
                if let lines = try TextLayout.layout(encoded, fontSize: fontSize, maximumWidth: textWidth),
                    allowWrapping || lines.count == encoded.count + 1
                {
                    let style = TagBlockStyle(
                        moduleSize: module, quietZoneModules: request.quietZoneModules, fontSize: fontSize,
                        textPadding: padding, whiteBackground: false)
                    let block = try TagBlock(grid: symbol, lines: lines, style: style)
                    if block.width <= availableWidth + 1e-6, block.height <= availableHeight + 1e-6 {
                        return block
                    }
                }
                fontSize -= fontSizeStep
            }
        }
        throw .doesNotFit(
            reason: "traits do not fit beside the symbol even at \(PDFNumber.format(request.minimumFontSize)) pt")
    }

    private static func build(_ request: INSLabelRequest, block: TagBlock) -> [UInt8] {
        let page = request.page
        let pageWidth = Units.points(fromMillimetres: page.widthMM)
        let pageHeight = Units.points(fromMillimetres: page.heightMM)
        let left = Units.snap(
            Units.points(fromMillimetres: page.frameXMM + page.marginMM), dotsPerInch: request.printerDotsPerInch)
        let fromTop = Units.snap(
            Units.points(fromMillimetres: page.frameYMM + page.marginMM), dotsPerInch: request.printerDotsPerInch)
        let bottom = pageHeight - fromTop - block.height
        let content = "q 1 0 0 1 \(PDFNumber.format(left)) \(PDFNumber.format(bottom)) cm\n" + block.content + "Q\n"

        return PDFFileBuilder.singlePage(
            width: pageWidth, height: pageHeight, content: content, title: "DataMatrix INS"
        ) {
            file in
            var fonts: [StandardFont: PDFReference] = [:]
            for font in StandardFont.allCases {
                fonts[font] = file.add(.object(.dictionary(font.fontDictionary)))
            }
            return PDFDictionary([
                ("Font", .dictionary(TagBlock.fontResources(fonts))),
                ("ProcSet", .array([.name("PDF"), .name("Text")])),
            ])
        }
    }
}
