import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program `passerelle demo` starts from its own bin directory (`insi-sim`, `psc-sim`, `virtual-cps`): launched,
/// its one-line JSON ready message read (design.md §8), and stopped without ever hanging the demo on its way out.
final class DemoChild: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let process: Process
    /// The string fields of the ready line that the caller asked for (all present).
    private let fields: [String: String]

    /// - Parameter requiredFields: string fields the ready line must carry; the child is stopped if one is missing.
    init(
        executable name: String, arguments: [String], requiredFields: [String] = [],
        standardError: FileHandle = .standardError
    ) throws(Failure) {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let binary = directory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Failure(description: "\(name) not found next to passerelle in \(directory.path): build it first")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = standardError
        do { try process.run() } catch { throw Failure(description: "cannot start \(name): \(error)") }
        let line = Self.firstLine(out.fileHandleForReading)
        let ready = line.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        var fields: [String: String] = [:]
        for key in requiredFields {
            if let value = ready?[key] as? String { fields[key] = value }
        }
        guard ready?["ready"] as? Bool == true, fields.count == requiredFields.count else {
            process.terminate()
            let shown = line.map { String(decoding: $0, as: UTF8.self) } ?? "nothing (it exited)"
            throw Failure(description: "\(name) did not report ready: \(shown)")
        }
        self.process = process
        self.fields = fields
    }

    /// A field named in `requiredFields`.
    subscript(field: String) -> String { fields[field] ?? "" }

    /// SIGTERM, then SIGKILL after two seconds.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<20 where process.isRunning {
            usleep(100_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    private static func firstLine(_ handle: FileHandle) -> Data? {
        var line = Data()
        while true {
            let byte = handle.readData(ofLength: 1)
            guard let value = byte.first else { return nil }
            if value == 0x0A { return line }
            line.append(value)
        }
    }
}
