import Foundation
import Testing

/// What independent tools say about a PDF we produced.
enum Oracles {
    /// `qpdf --check` must exit 0 and print no warning.
    static func qpdfCheck(_ path: String) throws -> (ok: Bool, report: String) {
        let qpdf = try ExternalTool.path(of: "qpdf", package: "qpdf")
        let result = try ExternalTool.run(qpdf, ["--check", path])
        let report = result.text + result.standardError
        let ok = result.status == 0 && !report.lowercased().contains("warning")
        return (ok, report)
    }

    static func pageCount(_ path: String) throws -> Int? {
        let qpdf = try ExternalTool.path(of: "qpdf", package: "qpdf")
        let result = try ExternalTool.run(qpdf, ["--show-npages", path])
        return Int(result.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func textOfFirstPage(_ path: String) throws -> String {
        let pdftotext = try ExternalTool.path(of: "pdftotext", package: "poppler-utils")
        return try ExternalTool.run(pdftotext, ["-f", "1", "-l", "1", "-enc", "UTF-8", path, "-"]).text
    }

    /// Page 1 rendered at 300 dpi as PNG (for dmtxread) and 8-bit gray PGM (for zxing-cpp).
    static func renderFirstPage(_ path: String, into directory: URL) throws -> (png: String, pgm: String) {
        let pdftoppm = try ExternalTool.path(of: "pdftoppm", package: "poppler-utils")
        let base = directory.appendingPathComponent("page").path
        let png = try ExternalTool.run(
            pdftoppm, ["-r", "300", "-f", "1", "-l", "1", "-singlefile", "-png", path, base])
        let pgm = try ExternalTool.run(
            pdftoppm, ["-r", "300", "-f", "1", "-l", "1", "-singlefile", "-gray", path, base])
        guard png.status == 0, pgm.status == 0 else {
            throw ExternalTool.Missing(description: "pdftoppm failed: \(png.standardError) \(pgm.standardError)")
        }
        // Poppler reports any syntax problem it meets on standard error.
        #expect(png.standardError.isEmpty, "pdftoppm complained: \(png.standardError)")
        return (base + ".png", base + ".pgm")
    }

    /// Bytes decoded by libdmtx's `dmtxread` (it prints the message bytes as they are).
    static func dmtxread(_ png: String) throws -> [UInt8]? {
        let dmtxread = try ExternalTool.path(of: "dmtxread", package: "dmtx-utils")
        let result = try ExternalTool.run(dmtxread, ["-N", "1", "-m", "60000", png])
        return result.status == 0 && !result.standardOutput.isEmpty ? result.standardOutput : nil
    }

    /// What zxing-cpp (PyPI) finds in a binary PGM: the bytes, where the symbol is, and how it is turned.
    struct ZXingResult {
        let bytes: [UInt8]
        /// Centre of the symbol as a fraction of the image width and height (0,0 = top-left).
        let centreX: Double
        let centreY: Double
        /// Rotation of the symbol in the image, in degrees (0 = upright).
        let orientation: Int
        let count: Int
    }

    static func zxing(_ pgm: String) throws -> ZXingResult? {
        let python = try ExternalTool.zxingPython()
        let script = """
            import json, sys, zxingcpp
            data = open(sys.argv[1], 'rb').read()
            fields, position = [], 0
            while len(fields) < 4:
                while data[position:position + 1].isspace():
                    position += 1
                if data[position:position + 1] == b'#':
                    while data[position:position + 1] not in (b'\\n', b''):
                        position += 1
                    continue
                end = position
                while not data[end:end + 1].isspace():
                    end += 1
                fields.append(data[position:end])
                position = end
            assert fields[0] == b'P5' and fields[3] == b'255'
            width, height = int(fields[1]), int(fields[2])
            pixels = memoryview(data[position + 1:position + 1 + width * height]).cast('B', (height, width))
            found = zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.DataMatrix)
            if found:
                p = found[0].position
                corners = [p.top_left, p.top_right, p.bottom_right, p.bottom_left]
                json.dump({
                    'hex': found[0].bytes.hex(),
                    'cx': sum(c.x for c in corners) / 4 / width,
                    'cy': sum(c.y for c in corners) / 4 / height,
                    'orientation': found[0].orientation,
                    'count': len(found),
                }, sys.stdout)
            """
        let result = try ExternalTool.run(python, ["-c", script, pgm])
        guard result.status == 0 else {
            throw ExternalTool.Missing(description: "zxing-cpp script failed: \(result.standardError)")
        }
        guard !result.standardOutput.isEmpty,
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any],
            let hex = object["hex"] as? String, let centreX = object["cx"] as? Double,
            let centreY = object["cy"] as? Double, let orientation = object["orientation"] as? Int,
            let count = object["count"] as? Int
        else { return nil }
        let digits = Array(hex.utf8)
        let bytes = stride(from: 0, to: digits.count, by: 2).compactMap {
            UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)
        }
        return ZXingResult(bytes: bytes, centreX: centreX, centreY: centreY, orientation: orientation, count: count)
    }
}
