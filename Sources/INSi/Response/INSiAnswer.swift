/// One RESULTAT: the CR and, for `00`, the identity.
public struct INSiAnswer: Sendable, Hashable {
    public enum Code: Sendable, Hashable {
        case found
        case notFound
        case multiple
        case other(String)

        init(_ raw: String) {
            switch raw {
            case "00": self = .found
            case "01": self = .notFound
            case "02": self = .multiple
            default: self = .other(raw)
            }
        }
    }

    public let codeCR: String
    public let libelleCR: String
    public let individu: INSiIndividu?

    public var code: Code { Code(codeCR) }
}

/// INDIVIDU: the active INS, the history kept exactly as returned, and the traits.
public struct INSiIndividu: Sendable, Hashable {
    public let active: INSiMatricule
    public let history: [INSiMatricule]
    public let traits: INSiReturnedTraits

    /// True when any returned key (active or history) does not match its body.
    public var hasKeyMismatch: Bool { !active.isKeyValid || history.contains { !$0.isKeyValid } }
}
