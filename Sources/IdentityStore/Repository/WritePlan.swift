import Foundation

/// Everything one write transaction stores, decided from what was read inside the same transaction. The
/// operations build plans; the back ends only execute them, so the RNIV and audit rules exist once.
struct WritePlan: Sendable {
    var insertedIdentities: [IdentityRecord] = []
    /// The column values of the inserted identities when the operation already encoded them (the import needs
    /// them for the row digests; it may then leave `insertedIdentities` empty); empty otherwise.
    var insertedIdentityValues: [[SQLValue]] = []
    var updatedIdentities: [IdentityRecord] = []
    var evidence: [EvidenceRecord] = []
    var insiCalls: [INSiCallRecord] = []
    var statusChanges: [StatusChangeRecord] = []
    var insertedWorkItems: [WorkListItem] = []
    var updatedWorkItems: [WorkListItem] = []
    var events: [AuditDraft] = []

    var isEmpty: Bool { events.isEmpty }
}

/// An audit event before it is chained (sequence and hashes are given by `AuditChain.seal` under the lock).
struct AuditDraft: Sendable {
    let actor: String
    let action: AuditEvent.Action
    let entityID: String?
    let summary: String
    let rows: [RowReference]
    /// The event's time when the rows it lists were dated before the transaction (a prepared import batch);
    /// otherwise the transaction's time.
    var at: Timestamp? = nil
}

/// What a write transaction found when it started.
struct WriteContext: Sendable {
    let identities: [UUID: IdentityRecord]
    let now: Timestamp

    func identity(_ id: UUID) throws(StoreError) -> IdentityRecord {
        guard let record = identities[id] else { throw .notFound(id: id.uuidString.lowercased()) }
        return record
    }
}

extension WritePlan {
    /// The identity rows to insert, encoded once.
    var identityRowsToInsert: [[SQLValue]] {
        insertedIdentityValues.isEmpty ? insertedIdentities.map(\.values) : insertedIdentityValues
    }
}
