import Logging
import Synchronization

/// Installs the process-wide log handler once (`passerelle serve`, `passerelle demo`). Later calls are ignored:
/// swift-log allows one bootstrap per process.
public enum LogSetup {
    public enum Format: String, Sendable, CaseIterable {
        case json
        case text
    }

    private static let done = Mutex(false)

    @discardableResult
    public static func bootstrap(format: Format, level: Logger.Level) -> Bool {
        let first = done.withLock { installed in
            defer { installed = true }
            return !installed
        }
        guard first else { return false }
        LoggingSystem.bootstrap { label in RedactingLogHandler(label: label, format: format, level: level) }
        return true
    }
}
