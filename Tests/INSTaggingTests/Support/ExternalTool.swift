import Foundation
import Testing

/// Runs the independent oracles (qpdf, poppler, dmtxread, zxing-cpp). A missing tool is a test failure that says
/// how to get it, never a silent pass.
enum ExternalTool {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    struct Output {
        let status: Int32
        let standardOutput: [UInt8]
        let standardError: String

        var text: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    static func path(of name: String, package: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(description: "\(name) not found: run Tools/test to install \(package) (Debian package)")
    }

    /// `$PASSERELLE_TEST_VENV/bin/python` with zxing-cpp importable.
    static func zxingPython() throws -> String {
        guard let venv = ProcessInfo.processInfo.environment["PASSERELLE_TEST_VENV"], !venv.isEmpty else {
            throw Missing(
                description: "PASSERELLE_TEST_VENV is not set: run Tools/test to install zxing-cpp in the test venv")
        }
        let python = "\(venv)/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python),
            let check = try? run(python, ["-c", "import zxingcpp"]), check.status == 0
        else {
            throw Missing(
                description: "zxing-cpp is not importable from \(python): run Tools/test to install zxing-cpp")
        }
        return python
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        // Output goes through temporary files: pipes read one after the other could deadlock a chatty tool.
        let directory = FileManager.default.temporaryDirectory
        let outputURL = directory.appendingPathComponent("tagging-out-\(UUID().uuidString)")
        let errorURL = directory.appendingPathComponent("tagging-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, standardOutput: Array(try Data(contentsOf: outputURL)),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }
}
