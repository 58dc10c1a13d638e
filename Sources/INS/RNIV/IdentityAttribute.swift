/// RNIV identity attributes. `douteuse` and `fictive` make the identity unusable with INSi; `homonyme` only warns.
public enum IdentityAttribute: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case douteuse
    case fictive
    case homonyme

    public var label: String {
        switch self {
        case .douteuse: "identité douteuse"
        case .fictive: "identité fictive"
        case .homonyme: "homonyme"
        }
    }

    /// HL7 v2 table 0445 code used for the attribute.
    public var hl7Code: String {
        switch self {
        case .douteuse: "DOUT"
        case .fictive: "FICT"
        case .homonyme: "HOMA"
        }
    }

    /// Whether this attribute forbids any INSi call and voids the matricule.
    public var blocksINSi: Bool { self != .homonyme }

    /// The only allowed combination is douteuse + homonyme.
    public static func mayCombine(_ a: IdentityAttribute, _ b: IdentityAttribute) -> Bool {
        a == b || Set([a, b]) == [.douteuse, .homonyme]
    }

    public static func < (lhs: IdentityAttribute, rhs: IdentityAttribute) -> Bool { lhs.rawValue < rhs.rawValue }
}
