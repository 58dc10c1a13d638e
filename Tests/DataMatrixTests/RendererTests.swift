import DataMatrix
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Renderers")
struct RendererTests {
    static func example(quietZone: Int = 2) throws -> DataMatrixSymbol {
        try DataMatrixEncoder.encode(
            INSPayloads.example, options: .init(encodation: .forcedC40Prefix(26), quietZone: quietZone))
    }

    final class SVGInspector: NSObject, XMLParserDelegate {
        var paths: [[String: String]] = []
        var root: [String: String] = [:]
        var elements: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(name)
            if name == "svg" { root = attributes }
            if name == "path" { paths.append(attributes) }
        }
    }

    /// Parses the path data (`M x y h n v1 h -n z` per run) back into a module grid.
    static func grid(fromPath data: String, rows: Int, columns: Int) -> ModuleGrid? {
        var grid = ModuleGrid(rows: rows, columns: columns)
        for run in data.split(separator: "M").filter({ !$0.isEmpty }) {
            let scanner = Scanner(string: String(run))
            guard let x = scanner.scanInt(), let y = scanner.scanInt(), scanner.scanString("h") != nil,
                let length = scanner.scanInt(), scanner.scanString("v1h-") != nil, scanner.scanInt() == length,
                scanner.scanString("z") != nil, scanner.isAtEnd, grid.fill(row: y, column: x, length: length)
            else { return nil }
        }
        return grid
    }

    @Test func svgIsWellFormedWithOnePathThatRedrawsTheSymbol() throws {
        let symbol = try Self.example()
        let svg = try SVGRenderer.render(symbol, moduleSizeMillimetres: 0.34)
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        #expect(parser.parse(), "SVG is not well-formed XML")
        #expect(inspector.paths.count == 1)
        #expect(inspector.root["viewBox"] == "0 0 44 44")
        #expect(inspector.root["shape-rendering"] == "crispEdges")
        #expect(inspector.root["width"] == "14.96mm")
        #expect(inspector.paths.first?["stroke"] == "none")
        #expect(!svg.contains("stroke-width"))
        let path = try #require(inspector.paths.first?["d"])
        #expect(Self.grid(fromPath: path, rows: 44, columns: 44) == ModuleGrid(symbol))
        let bare = try SVGRenderer.render(symbol, lightBackground: false)
        #expect(!bare.contains("<rect") && !bare.contains("width=\""))
    }

    @Test func pngPassesPngcheckAndDecodesInBothFormatsAndScales() throws {
        let symbol = try Self.example()
        var files: [String] = []
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in [PNGRenderer.PixelFormat.oneBitPalette, .eightBitGrey] {
            for scale in [2, 3, 5, 8] {
                let png = try PNGRenderer.render(symbol, scale: scale, format: format)
                let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
                let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
                #expect(width == 44 * scale && height == 44 * scale)
                let file = directory.appendingPathComponent("\(format)-\(scale).png")
                try Data(png).write(to: file)
                files.append(file.path)
            }
        }
        let pngcheck = try #require(
            ZintOracle.executable("pngcheck"), "pngcheck missing: run Tools/test to install the Debian package pngcheck"
        )
        let process = Process()
        process.executableURL = pngcheck
        process.arguments = ["-q"] + files
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pngcheck rejected a PNG")
        for result in try DecoderOracle.decode(pngFiles: files) {
            #expect(result.pngError == nil)
            #expect(result.zxingBytes == INSPayloads.example, "zxing-cpp: \(result.file)")
            #expect(result.dmtxBytes == INSPayloads.example, "dmtxread: \(result.file)")
        }
    }

    @Test func pngRejectsScalesOutsideOneToHundred() throws {
        let symbol = try Self.example()
        #expect(throws: DataMatrixError.invalidRenderingParameter(name: "scale", value: "0")) {
            try PNGRenderer.render(symbol, scale: 0)
        }
        #expect(throws: DataMatrixError.self) { try PNGRenderer.render(symbol, scale: 101) }
    }

    /// Parses the operators back into a grid, then wraps them in a one-page PDF, rasterises it with pdftoppm and
    /// decodes the raster with both decoders.
    @Test func pdfPathIsOneFillThatRedrawsTheSymbolAndDecodesAfterRasterising() throws {
        let symbol = try Self.example()
        let module = 0.96  // 4 dots at 300 dpi
        let stream = try PDFPathRenderer.contentStream(for: symbol, moduleSize: module, originX: 20, originY: 30)
        let operators = stream.split(separator: "\n")
        #expect(operators.filter { $0 == "f" }.count == 1)
        #expect(!operators.contains { $0.hasSuffix(" S") || $0 == "S" || $0.hasSuffix(" w") })
        var grid = ModuleGrid(rows: symbol.totalRows, columns: symbol.totalColumns)
        for rectangle in operators where rectangle.hasSuffix(" re") {
            let numbers = rectangle.split(separator: " ").dropLast().compactMap { Double($0) }
            try #require(numbers.count == 4)
            let column = Int(((numbers[0] - 20) / module).rounded())
            let row = symbol.totalRows - 1 - Int(((numbers[1] - 30) / module).rounded())
            #expect(abs(numbers[3] - module) < 1e-9)
            let filled = grid.fill(row: row, column: column, length: Int((numbers[2] / module).rounded()))
            #expect(filled)
        }
        #expect(grid == ModuleGrid(symbol))

        let pdftoppm = try #require(
            ZintOracle.executable("pdftoppm"), "pdftoppm missing: run Tools/test to install poppler-utils")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("symbol.pdf")
        try Data(MinimalPDF.document(pageWidth: 100, pageHeight: 100, content: stream)).write(to: pdf)
        let process = Process()
        process.executableURL = pdftoppm
        process.arguments = [
            "-r", "300", "-png", "-gray", "-singlefile", pdf.path, directory.appendingPathComponent("page").path,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let decoded = try DecoderOracle.decode(pngFiles: [directory.appendingPathComponent("page.png").path])
        #expect(decoded.first?.pngError == nil)
        #expect(decoded.first?.zxingBytes == INSPayloads.example)
        #expect(decoded.first?.dmtxBytes == INSPayloads.example)
    }

    @Test func pdfRejectsNonPositiveModuleSize() throws {
        let symbol = try Self.example()
        #expect(throws: DataMatrixError.self) { try PDFPathRenderer.contentStream(for: symbol, moduleSize: 0) }
        #expect(throws: DataMatrixError.self) { try PDFPathRenderer.contentStream(for: symbol, moduleSize: .nan) }
    }

    @Test(arguments: [0, 1, 2, 3])
    func terminalRenderingsHaveTheRightShapeAndModules(quietZone: Int) throws {
        let symbol = try Self.example(quietZone: quietZone)
        let side = 40 + 2 * quietZone

        let ascii = TerminalRenderer.render(symbol, style: .ascii).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(ascii.count == side + 1 && ascii.last == "")
        var asciiGrid = ModuleGrid(rows: side, columns: side)
        for (row, line) in ascii.dropLast().enumerated() {
            #expect(line.count == 2 * side)
            for (column, pair) in stride(from: 0, to: line.count, by: 2).enumerated() {
                let start = line.index(line.startIndex, offsetBy: pair)
                if line[start] == "#" { _ = asciiGrid.fill(row: row, column: column, length: 1) }
            }
        }
        #expect(asciiGrid == ModuleGrid(symbol))

        for style in [TerminalRenderer.Style.halfBlocks, .halfBlocksWithoutColour] {
            let text = TerminalRenderer.render(symbol, style: style)
            let lines = text.split(separator: "\n").map { line in
                line.replacingOccurrences(of: "\u{1B}[38;5;16;48;5;231m", with: "")
                    .replacingOccurrences(of: "\u{1B}[0m", with: "")
            }
            #expect(lines.count == (side + 1) / 2)
            var grid = ModuleGrid(rows: side, columns: side)
            for (index, line) in lines.enumerated() {
                #expect(line.count == side)
                for (column, character) in line.enumerated() {
                    let upper = character == "\u{2588}" || character == "\u{2580}"
                    let lower = character == "\u{2588}" || character == "\u{2584}"
                    if upper { _ = grid.fill(row: 2 * index, column: column, length: 1) }
                    if lower && 2 * index + 1 < side { _ = grid.fill(row: 2 * index + 1, column: column, length: 1) }
                }
            }
            #expect(grid == ModuleGrid(symbol))
            #expect(text.contains("\u{1B}[") == (style == .halfBlocks))
        }
    }
}

/// The smallest valid PDF around one content stream (for the pdftoppm round trip only).
enum MinimalPDF {
    static func document(pageWidth: Int, pageHeight: Int, content: String) -> [UInt8] {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(pageWidth) \(pageHeight)] /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            output += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(output.utf8)
    }
}
