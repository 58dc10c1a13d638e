import Foundation

/// A document checked for an identity: which kind (from the structure's catalogue), which document, who
/// checked it and when.
public struct EvidenceRecord: Hashable, Sendable, Codable {
    public let id: UUID
    public let identityID: UUID
    public let kindID: String
    public let documentReference: String?
    public let checkedBy: String
    public let checkedAt: Timestamp
    public let note: String?

    public init(
        id: UUID, identityID: UUID, kindID: String, documentReference: String?, checkedBy: String,
        checkedAt: Timestamp, note: String?
    ) {
        self.id = id
        self.identityID = identityID
        self.kindID = kindID
        self.documentReference = documentReference
        self.checkedBy = checkedBy
        self.checkedAt = checkedAt
        self.note = note
    }
}

extension EvidenceRecord: AuditedRow {
    static var table: RecordTable { .evidence }
    var rowID: String { id.lowercaseText }
}
