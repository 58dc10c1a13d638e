/// SVG of a symbol: one `<path>` made of the merged dark runs, no stroke, `crispEdges`, coordinates in modules
/// (the viewBox includes the quiet zone). With a module size the width and height are given in millimetres so the
/// symbol prints at the intended physical size.
public enum SVGRenderer {
    /// - Parameters:
    ///   - moduleSizeMillimetres: physical module size; `nil` leaves the size to the embedding document.
    ///   - lightBackground: paints the quiet zone and light modules white (a `<rect>`), so the symbol stays readable
    ///     on a coloured or dark page.
    public static func render(
        _ symbol: DataMatrixSymbol, moduleSizeMillimetres: Double? = nil, lightBackground: Bool = true
    ) throws(DataMatrixError) -> String {
        let width = symbol.totalColumns
        let height = symbol.totalRows
        var size = ""
        if let module = moduleSizeMillimetres {
            guard module.isFinite, module > 0 else {
                throw .invalidRenderingParameter(name: "moduleSizeMillimetres", value: "\(module)")
            }
            size =
                " width=\"\(DecimalFormatting.fixed(Double(width) * module))mm\""
                + " height=\"\(DecimalFormatting.fixed(Double(height) * module))mm\""
        }
        var path = ""
        for run in symbol.darkRuns {
            path += "M\(run.column) \(run.row)h\(run.length)v1h-\(run.length)z"
        }
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 \(width) \(height)\"\(size)"
            + " shape-rendering=\"crispEdges\">\n"
        if lightBackground {
            svg += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#fff\"/>\n"
        }
        svg += "<path fill=\"#000\" stroke=\"none\" d=\"\(path)\"/>\n</svg>\n"
        return svg
    }
}
