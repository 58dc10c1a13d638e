import Foundation

/// zint 2.11 (Debian `zint`) as the size baseline: the CLI encodes a whole corpus in one batch run
/// (`--binary --esc`, one line per message, every byte escaped) and the symbol size is read from each PNG header
/// (`--scale=0.5` gives one pixel per module).
enum ZintOracle {
    static func squareSizes(for messages: [[UInt8]]) throws -> [Int] {
        guard let zint = executable("zint") else {
            throw DecoderOracle.OracleError(
                description: "zint missing: run Tools/test to install the Debian package zint")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input.txt")
        let lines = messages.map { message in message.map { byte in "\\x" + hex(byte) }.joined() }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let process = Process()
        process.executableURL = zint
        process.arguments = [
            "-b", "71", "--square", "--binary", "--esc", "--batch", "--scale=0.5", "-i", input.path,
            "-o", directory.appendingPathComponent("z~~~~~.png").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try messages.indices.map { index in
            let name = "z" + String(repeating: "0", count: 5 - String(index + 1).count) + String(index + 1) + ".png"
            let png = try Data(contentsOf: directory.appendingPathComponent(name))
            guard png.count >= 24 else {
                throw DecoderOracle.OracleError(description: "zint wrote a truncated \(name)")
            }
            let bytes = [UInt8](png[16..<20])
            return bytes.reduce(0) { $0 << 8 | Int($1) }
        }
    }

    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
