import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends one JSON object per line to a file created with mode 0600, and syncs it before returning: a trace
/// that was acknowledged survives a crash.
public actor JSONLinesTraceSink: INSiTraceSink {
    private let path: String
    private let encoder: JSONEncoder

    public init(path: String) {
        self.path = path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        self.encoder = encoder
    }

    public func record(_ trace: INSiTrace) throws {
        var line = try encoder.encode(trace)
        line.append(0x0A)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw TraceFileError(path: path, errno: errno) }
        defer { close(descriptor) }
        try line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                guard written > 0 else { throw TraceFileError(path: path, errno: errno) }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw TraceFileError(path: path, errno: errno) }
    }

    /// Reads every trace back (tests, export).
    public static func read(path: String) throws -> [INSiTrace] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.split(separator: 0x0A).map { try decoder.decode(INSiTrace.self, from: Data($0)) }
    }
}

struct TraceFileError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32
    var description: String { "cannot append to \(path): errno \(errno)" }
}
