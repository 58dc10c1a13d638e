/// What `ConfigurationCheck` found: every problem, and the effective value of every key (for `config show`).
public struct ConfigurationReport: Sendable, Codable {
    /// One key as passerelle will use it.
    public struct Entry: Sendable, Hashable, Codable {
        public let keyPath: String
        /// As written (paths resolved against the file's folder); nil when the default applies.
        public let value: String?
        /// The default when the key is absent.
        public let defaultValue: String?
        /// `file`, `environment` or `default`.
        public let source: String
        public let environmentVariable: String?
        public let line: Int?
    }

    public let file: String?
    public let problems: [ConfigurationProblem]
    public let entries: [Entry]

    public var errors: [ConfigurationProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [ConfigurationProblem] { problems.filter { $0.severity == .warning } }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}
