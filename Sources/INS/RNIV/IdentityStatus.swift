/// The four RNIV identity statuses. Two independent facts define them: did INSi return this identity
/// (récupérée) and was it checked on a high-trust document (validée)?
public enum IdentityStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case provisoire = "PROV"
    case recuperee = "RECUP"
    case validee = "VALI"
    case qualifiee = "QUAL"

    public init(retrievedFromINSi: Bool, checkedOnDocument: Bool) {
        switch (retrievedFromINSi, checkedOnDocument) {
        case (false, false): self = .provisoire
        case (true, false): self = .recuperee
        case (false, true): self = .validee
        case (true, true): self = .qualifiee
        }
    }

    public var retrievedFromINSi: Bool { self == .recuperee || self == .qualifiee }
    public var checkedOnDocument: Bool { self == .validee || self == .qualifiee }

    /// Only a qualified identity may carry the matricule INS in exchanges, on documents and in the DataMatrix.
    public var mayShareINS: Bool { self == .qualifiee }

    /// French label for people.
    public var label: String {
        switch self {
        case .provisoire: "Identité provisoire"
        case .recuperee: "Identité récupérée"
        case .validee: "Identité validée"
        case .qualifiee: "Identité qualifiée"
        }
    }
}
