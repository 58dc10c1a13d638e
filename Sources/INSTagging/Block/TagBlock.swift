/// The symbol with its quiet zone, the mention « INS à scanner » and the traits, drawn in its own coordinate
/// system (origin bottom-left, points). Labels place it on a fresh page, stamps in a Form XObject.
struct TagBlock {
    let width: Double
    let height: Double
    /// Content-stream operators; fonts are referred to by `StandardFont.resourceName`.
    let content: String

    init(grid: some DarkModuleGrid, lines: [TextLine], style: TagBlockStyle) throws(INSTaggingError) {
        let module = style.moduleSize
        let quiet = Double(style.quietZoneModules) * module
        let symbolWidth = Double(grid.columns) * module + 2 * quiet
        let symbolHeight = Double(grid.rows) * module + 2 * quiet
        let leading = style.fontSize * 1.2
        let textWidth = lines.map { $0.width(fontSize: style.fontSize) }.max() ?? 0
        let textHeight = Double(lines.count) * leading
        let width = symbolWidth + textWidth + 2 * style.textPadding
        let height = max(symbolHeight, textHeight + 2 * style.textPadding)
        var ops: [String] = ["q"]
        if style.whiteBackground {
            ops.append("1 g 0 0 \(PDFNumber.format(width)) \(PDFNumber.format(height)) re f")
        }
        ops.append("0 g")
        let symbolBottom = height - quiet - Double(grid.rows) * module
        ops.append(
            "q \(PDFNumber.format(module)) 0 0 \(PDFNumber.format(module)) "
                + "\(PDFNumber.format(quiet)) \(PDFNumber.format(symbolBottom)) cm")
        ops.append(try SymbolPath.operators(for: grid) + "Q")
        ops.append("BT")
        let textLeft = symbolWidth + style.textPadding
        // First baseline sits about one cap height below the top padding (Helvetica cap height is 0.718 em).
        var baseline = height - style.textPadding - style.fontSize * 0.8
        for line in lines {
            ops.append("1 0 0 1 \(PDFNumber.format(textLeft + line.indent)) \(PDFNumber.format(baseline)) Tm")
            for run in line.runs {
                ops.append(
                    "/\(run.font.resourceName) \(PDFNumber.format(style.fontSize)) Tf "
                        + "\(PDFTextString.literal(run.bytes)) Tj")
            }
            baseline -= leading
        }
        ops.append("ET")
        ops.append("Q")
        self.width = width
        self.height = height
        self.content = ops.joined(separator: "\n") + "\n"
    }

    /// The `/Font` resource dictionary for the block, given where each font dictionary was written.
    static func fontResources(_ references: [StandardFont: PDFReference]) -> PDFDictionary {
        PDFDictionary(
            StandardFont.allCases.compactMap { font in
                references[font].map { (font.resourceName, PDFObject.reference($0)) }
            })
    }
}
