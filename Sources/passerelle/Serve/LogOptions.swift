import Foundation
import Logging
import Observability
import PasserelleConfiguration

/// Log format and level of the long-running commands: `PASSERELLE_LOG_FORMAT` (`json` | `text`) and
/// `PASSERELLE_LOG_LEVEL` (swift-log level names) first, then the configuration's `logging:` section (itself
/// overridable as `PASSERELLE_LOGGING_FORMAT`/`_LEVEL`), else the command's default format at `defaultLevel`.
enum LogOptions {
    static func bootstrap(
        _ section: LoggingSection?, defaultFormat: LogSetup.Format, defaultLevel: Logger.Level = .info
    ) {
        let environment = ProcessInfo.processInfo.environment
        let format =
            environment["PASSERELLE_LOG_FORMAT"].flatMap(LogSetup.Format.init(rawValue:))
            ?? section?.format.flatMap { LogSetup.Format(rawValue: $0.rawValue) } ?? defaultFormat
        let level =
            environment["PASSERELLE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
            ?? section.flatMap { Logger.Level(rawValue: $0.level.rawValue) } ?? defaultLevel
        LogSetup.bootstrap(format: format, level: level)
    }
}
