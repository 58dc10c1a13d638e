import INS

/// A configuration that cannot be used: missing file, unreadable YAML, missing or invalid key.
public struct ConfigurationError: PasserelleError, Equatable {
    public enum Reason: String, Sendable, Equatable {
        case noFile
        case unreadable
        case missingKey
        case invalidValue
    }

    public let reason: Reason
    /// File path or dotted key concerned.
    public let subject: String
    public let detail: String

    public init(_ reason: Reason, _ subject: String, _ detail: String = "") {
        self.reason = reason
        self.subject = subject
        self.detail = detail
    }

    public var code: String { "config.\(reason.rawValue)" }

    public var userMessage: String {
        switch reason {
        case .noFile:
            "Aucun fichier de configuration : indiquez --config <fichier> ou la variable PASSERELLE_CONFIG."
        case .unreadable: "Le fichier de configuration « \(subject) » est illisible."
        case .missingKey: "La configuration ne contient pas la clé obligatoire « \(subject) »."
        case .invalidValue: "La valeur de la clé « \(subject) » de la configuration est invalide."
        }
    }

    public var technicalDetail: String {
        switch reason {
        case .noFile: "no configuration file: pass --config or set PASSERELLE_CONFIG"
        case .unreadable: "cannot read configuration \(subject): \(detail)"
        case .missingKey: "missing configuration key \(subject)"
        case .invalidValue: "invalid value for \(subject): \(detail)"
        }
    }
}
