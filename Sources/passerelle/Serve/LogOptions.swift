import Foundation
import Logging
import Observability

/// Log format and level of the long-running commands: `PASSERELLE_LOG_FORMAT` (`json` | `text`) and
/// `PASSERELLE_LOG_LEVEL` (swift-log level names), else the command's default format at `info`.
enum LogOptions {
    static func bootstrapFromEnvironment(defaultFormat: LogSetup.Format, defaultLevel: Logger.Level = .info) {
        let environment = ProcessInfo.processInfo.environment
        let format = environment["PASSERELLE_LOG_FORMAT"].flatMap(LogSetup.Format.init(rawValue:)) ?? defaultFormat
        let level = environment["PASSERELLE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        LogSetup.bootstrap(format: format, level: level)
    }
}
