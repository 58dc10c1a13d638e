import Foundation

/// External oracles (qpdf, poppler, libdmtx, zxing-cpp). A missing tool fails the test with a clear message:
/// `Tools/test` installs them.
enum Tool {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is not installed: run Tools/test to install the test tools" }
    }

    static func path(of name: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(name: name)
    }

    static func run(_ name: String, _ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(executable: URL(fileURLWithPath: try path(of: name)), arguments)
    }

    /// zxing-cpp (PyPI) from the test virtualenv, through the DataMatrix suite's batch decoder script.
    static func zxing(_ image: String) throws -> (bytes: [UInt8], symbology: String) {
        guard let venv = ProcessInfo.processInfo.environment["PASSERELLE_TEST_VENV"] else {
            throw Missing(name: "PASSERELLE_TEST_VENV (zxing-cpp)")
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DataMatrixTests/Fixtures/decode_batch.py").path
        let result = try CLIRunner.run(executable: URL(fileURLWithPath: "\(venv)/bin/python"), [script, image])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        guard let entries = object?["results"] as? [[String: Any]], let entry = entries.first,
            let hex = entry["zxing"] as? String
        else { return ([], "") }
        return (hexBytes(hex), entry["zxingSymbology"] as? String ?? "")
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}
