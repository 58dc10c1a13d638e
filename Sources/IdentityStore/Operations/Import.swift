import Foundation
import INS

/// A batch of imported identities built outside the write transaction: records, their column values and the
/// row digests the batch's event lists. Only the event is chained inside the transaction.
struct PreparedImport: Sendable {
    /// The records themselves, only when the caller returns them (the CSV import keeps counts, not records:
    /// a batch in flight then holds its rows once, as values).
    let records: [IdentityRecord]
    let values: [[SQLValue]]
    let references: [RowReference]
    /// The batch's creation time: every record's `createdAt` and the event's `at` (how `history` finds it).
    let at: Timestamp
}

extension IdentityDatabase {
    /// Creates many identities in one transaction, audited by **one** event for the whole batch (action
    /// `import`) whose canonical record lists every created identity's id and row digest: the chain still
    /// vouches for each row (an edited or deleted imported row is named with that event by `verifyAudit`), at
    /// the cost of one hash and one event row per batch instead of one per identity. `history` finds the event
    /// through the identity's creation time. Duplicates are not flagged line by line (`duplicates` finds them
    /// afterwards). Ids are time-ordered (UUID v7) so a large import appends to the indexes keyed by id
    /// instead of rewriting pages all over them.
    public func importIdentities(_ batch: [NewIdentity], actor: String) async throws(StoreError) -> [IdentityRecord] {
        var ready: [(NewIdentity, NormalizedTraits)] = []
        ready.reserveCapacity(batch.count)
        for new in batch { ready.append((new, try Self.normalize(new.traits))) }
        let prepared = Self.prepareImport(ready, at: .now, keepRecords: true)
        try await commitImport(prepared, actor: actor)
        return prepared.records
    }

    /// Builds the records, values and digests of a batch. Pure: the CSV import runs it on the reading side,
    /// while the previous batch is being written, so the writer only inserts and chains.
    static func prepareImport(_ ready: [(NewIdentity, NormalizedTraits)], at now: Timestamp, keepRecords: Bool)
        -> PreparedImport
    {
        var records: [IdentityRecord] = []
        var values: [[SQLValue]] = []
        var references: [RowReference] = []
        if keepRecords { records.reserveCapacity(ready.count) }
        values.reserveCapacity(ready.count)
        references.reserveCapacity(ready.count)
        for (new, normalized) in ready {
            let record = IdentityRecord(
                id: TimeOrderedID.make(at: now), traits: new.traits, normalized: normalized,
                nomUtilise: new.nomUtilise, prenomUtilise: new.prenomUtilise, ins: new.ins, createdAt: now,
                updatedAt: now)
            // Encoded once: the digest the event vouches for and the row the back end writes are the same values.
            let row = record.values
            if keepRecords { records.append(record) }
            values.append(row)
            references.append(
                RowReference(table: .identities, id: record.rowID, digest: RowDigest.compute(.identities, row)))
        }
        return PreparedImport(records: records, values: values, references: references, at: now)
    }

    /// Writes a prepared batch and its event (sealed in chain order under the write lock, dated like its rows).
    /// Returns the count.
    @discardableResult
    func commitImport(_ prepared: PreparedImport, actor: String) async throws(StoreError) -> Int {
        guard !prepared.values.isEmpty else { return 0 }
        return try await backend.write(loading: []) { _ throws(StoreError) in
            var plan = WritePlan()
            plan.insertedIdentities = prepared.records
            plan.insertedIdentityValues = prepared.values
            plan.events.append(
                AuditDraft(
                    actor: actor, action: .importBatch, entityID: nil,
                    summary: "\(prepared.values.count) identities imported (PROV)", rows: prepared.references,
                    at: prepared.at))
            return (plan, prepared.values.count)
        }
    }

    /// Starts a CSV import: on an empty SQLite base, drops the identity indexes until `finishInitialLoad`.
    func beginInitialLoad() async throws(StoreError) -> Bool { try await backend.beginInitialLoad() }

    /// Builds every missing schema index (after an initial load).
    func finishInitialLoad() async throws(StoreError) { try await backend.finishInitialLoad() }
}
