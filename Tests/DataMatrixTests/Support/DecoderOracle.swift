import DataMatrix
import Foundation

/// The two independent decoders every symbol of these tests goes through: zxing-cpp (PyPI, in the test virtualenv)
/// and libdmtx's `dmtxread`. Symbols are written as PNG by our renderer and decoded in one Python process per batch.
enum DecoderOracle {
    struct Decoded: Decodable, Sendable {
        let file: String
        let pngError: String?
        let zxing: String?
        let zxingSymbology: String?
        let dmtx: String?
        let dmtxCodewords: String?

        var zxingBytes: [UInt8]? { zxing.flatMap(Self.bytes(hex:)) }
        var dmtxBytes: [UInt8]? { dmtx.flatMap(Self.bytes(hex:)) }

        /// Data codewords as `dmtxread -c` prints them (`d:230` lines), pads excluded.
        var dmtxDataCodewords: [Int] {
            (dmtxCodewords ?? "").split(separator: "\n").compactMap { line in
                line.hasPrefix("d:") ? Int(line.dropFirst(2)) : nil
            }
        }

        static func bytes(hex: String) -> [UInt8]? {
            let digits = Array(hex.utf8)
            guard digits.count % 2 == 0 else { return nil }
            return stride(from: 0, to: digits.count, by: 2).compactMap { index in
                UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)
            }
        }
    }

    private struct Output: Decodable {
        let missing: [String]?
        let results: [Decoded]?
    }

    struct OracleError: Error, CustomStringConvertible {
        let description: String
    }

    static func fixturesDirectory() -> URL {
        if let bundled = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return bundled }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    static func python() throws -> URL {
        guard let venv = ProcessInfo.processInfo.environment["PASSERELLE_TEST_VENV"], !venv.isEmpty else {
            throw OracleError(
                description: "PASSERELLE_TEST_VENV is not set: run Tools/test to install zxing-cpp and dmtx-utils")
        }
        let python = URL(fileURLWithPath: venv).appendingPathComponent("bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw OracleError(description: "\(python.path) missing: run Tools/test to install the test virtualenv")
        }
        return python
    }

    /// Writes every symbol as a PNG (scale 4, our renderer) and decodes the batch with both decoders.
    static func decode(
        _ symbols: [DataMatrixSymbol], scale: Int = 4, format: PNGRenderer.PixelFormat = .oneBitPalette,
        codewords: Bool = false
    ) throws -> [Decoded] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("datamatrix-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (index, symbol) in symbols.enumerated() {
            let file = directory.appendingPathComponent("symbol-\(index).png")
            try Data(PNGRenderer.render(symbol, scale: scale, format: format)).write(to: file)
            files.append(file.path)
        }
        return try decode(pngFiles: files, codewords: codewords)
    }

    static func decode(pngFiles files: [String], codewords: Bool = false) throws -> [Decoded] {
        let process = Process()
        process.executableURL = try python()
        let script = fixturesDirectory().appendingPathComponent("decode_batch.py").path
        process.arguments = [script] + (codewords ? ["--codewords"] : []) + files
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleError(description: "decode_batch.py exited with \(process.terminationStatus)")
        }
        let decoded = try JSONDecoder().decode(Output.self, from: data)
        if let missing = decoded.missing {
            throw OracleError(
                description: "missing decoder(s) \(missing.joined(separator: ", ")): run Tools/test to install them")
        }
        guard let results = decoded.results, results.count == files.count else {
            throw OracleError(description: "decode_batch.py returned an incomplete answer")
        }
        return results
    }
}

extension Array where Element == UInt8 {
    /// Printable form for failure messages (control characters escaped).
    var readable: String {
        map { byte in
            (32...126).contains(byte) ? String(UnicodeScalar(byte)) : "<\(String(byte, radix: 16, uppercase: true))>"
        }.joined()
    }
}
