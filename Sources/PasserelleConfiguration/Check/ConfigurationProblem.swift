/// One thing wrong (or risky) in a configuration, with where it comes from and how to fix it.
public struct ConfigurationProblem: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// Stable identifiers for programs (`config check --json`) and tests.
    public enum Kind: String, Sendable, Hashable, Codable {
        case noFile, unreadableFile, syntax, unknownKey, wrongType, invalidValue, outOfRange, missingKey
        case missingFile, secretPermissions, insecureURL, notLoopback, inlineSecret, ignoredKey
    }

    /// Dotted key path (`insi.tls.passphraseFile`); empty for the file as a whole.
    public let keyPath: String
    public let severity: Severity
    public let kind: Kind
    /// French, for the person editing the file.
    public let message: String
    /// French, a concrete action.
    public let fix: String
    /// English, for the record.
    public let technicalDetail: String
    /// Line in the file that sets the key, when the file is where the value comes from.
    public let line: Int?
    /// Environment variable that sets the key, when it wins over the file.
    public let environmentVariable: String?

    public init(
        _ kind: Kind, _ keyPath: String, severity: Severity = .error, message: String, fix: String,
        technicalDetail: String, line: Int? = nil, environmentVariable: String? = nil
    ) {
        self.keyPath = keyPath
        self.severity = severity
        self.kind = kind
        self.message = message
        self.fix = fix
        self.technicalDetail = technicalDetail
        self.line = line
        self.environmentVariable = environmentVariable
    }

    /// "ligne 12", "PASSERELLE_INSI_MODE (environnement)", or "" when unknown.
    public var sourceDescription: String {
        if let environmentVariable { return "\(environmentVariable) (environnement)" }
        if let line { return "ligne \(line)" }
        return ""
    }
}
