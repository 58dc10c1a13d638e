import Configuration

/// `logging:` — how the process logs. `serve` logs JSON lines by default (collected by the host's journal); the
/// one-shot commands log text to standard error. Redaction (PIN, tokens, matricule) is not configurable.
public struct LoggingSection: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case json
        case text
    }

    /// The swift-log levels.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case trace, debug, info, notice, warning, error, critical
    }

    /// nil = the command's default (json for `serve`, text otherwise).
    public var format: Format?
    public var level: Level

    public init(format: Format? = nil, level: Level = .info) {
        self.format = format
        self.level = level
    }

    static func read(_ reader: ConfigReader) throws(ConfigurationError) -> LoggingSection? {
        let formatText = reader.string(forKey: "format")
        let levelText = reader.string(forKey: "level")
        guard formatText != nil || levelText != nil else { return nil }
        var section = LoggingSection()
        if let formatText {
            guard let format = Format(rawValue: formatText) else {
                throw ConfigurationError(.invalidValue, "logging.format", "expected json or text, got \(formatText)")
            }
            section.format = format
        }
        if let levelText {
            guard let level = Level(rawValue: levelText) else {
                throw ConfigurationError(
                    .invalidValue, "logging.level", "expected trace, debug, info, notice, warning, error or critical")
            }
            section.level = level
        }
        return section
    }
}
