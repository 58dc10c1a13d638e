import Foundation

/// Something the identitovigilance referent must look at.
public struct WorkListItem: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case verificationKO = "verification-ko"
        case douteuse
        case qualificationLost = "qualification-lost"
        case probableDuplicate = "probable-duplicate"
        case insiKeyMismatch = "insi-key-mismatch"

        public var label: String {
            switch self {
            case .verificationKO: "Vérification INSi en échec"
            case .douteuse: "Identité douteuse"
            case .qualificationLost: "Qualification perdue (traits modifiés)"
            case .probableDuplicate: "Doublon probable"
            case .insiKeyMismatch: "Matricule INSi à clé erronée"
            }
        }
    }

    public let id: UUID
    public let identityID: UUID
    public let kind: Kind
    public let detail: String
    /// The other identity of a probable duplicate.
    public let otherIdentityID: UUID?
    public let createdAt: Timestamp
    public var resolvedAt: Timestamp?

    public init(
        id: UUID, identityID: UUID, kind: Kind, detail: String, otherIdentityID: UUID? = nil, createdAt: Timestamp,
        resolvedAt: Timestamp? = nil
    ) {
        self.id = id
        self.identityID = identityID
        self.kind = kind
        self.detail = detail
        self.otherIdentityID = otherIdentityID
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
    }
}

extension WorkListItem: AuditedRow {
    static var table: RecordTable { .workItems }
    var rowID: String { id.lowercaseText }
}
