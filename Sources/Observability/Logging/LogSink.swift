import Foundation
import Synchronization

/// Where log lines go: whole lines to stderr under one lock, so concurrent tasks never interleave halves.
public enum LogSink {
    private static let lock = Mutex(())

    public static let standardError: @Sendable (String) -> Void = { line in
        let data = Data((line + "\n").utf8)
        lock.withLock { _ in FileHandle.standardError.write(data) }
    }

    static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
