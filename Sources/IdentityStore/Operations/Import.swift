import Foundation
import INS

extension IdentityDatabase {
    /// Creates many identities in one transaction, audited by **one** event for the whole batch (action
    /// `import`) whose canonical record lists every created identity's id and row digest: the chain still
    /// vouches for each row (an edited or deleted imported row is named with that event by `verifyAudit`), at
    /// the cost of one hash and one event row per batch instead of one per identity. `history` finds the event
    /// through the identity's creation time. Duplicates are not flagged line by line (`duplicates` finds them
    /// afterwards). Ids are time-ordered (UUID v7) so a large import appends to the indexes keyed by id
    /// instead of rewriting pages all over them.
    public func importIdentities(_ batch: [NewIdentity], actor: String) async throws(StoreError) -> [IdentityRecord] {
        var prepared: [(NewIdentity, NormalizedTraits)] = []
        prepared.reserveCapacity(batch.count)
        for new in batch { prepared.append((new, try Self.normalize(new.traits))) }
        return try await insert(prepared, actor: actor)
    }

    /// The CSV import's path: the traits were normalised while the line was judged. Returns the count only.
    func importNormalized(_ batch: [(NewIdentity, NormalizedTraits)], actor: String) async throws(StoreError) -> Int {
        try await insert(batch, actor: actor).count
    }

    private func insert(_ ready: [(NewIdentity, NormalizedTraits)], actor: String) async throws(StoreError)
        -> [IdentityRecord]
    {
        guard !ready.isEmpty else { return [] }
        return try await backend.write(loading: []) { context throws(StoreError) in
            var plan = WritePlan()
            plan.insertedIdentities.reserveCapacity(ready.count)
            plan.insertedIdentityValues.reserveCapacity(ready.count)
            var references: [RowReference] = []
            references.reserveCapacity(ready.count)
            for (new, normalized) in ready {
                let record = IdentityRecord(
                    id: TimeOrderedID.make(at: context.now), traits: new.traits, normalized: normalized,
                    nomUtilise: new.nomUtilise, prenomUtilise: new.prenomUtilise, ins: new.ins, createdAt: context.now,
                    updatedAt: context.now)
                // Encoded once: the digest the event vouches for and the row the back end writes are the same values.
                let values = record.values
                plan.insertedIdentities.append(record)
                plan.insertedIdentityValues.append(values)
                references.append(
                    RowReference(
                        table: .identities, id: record.rowID, digest: RowDigest.compute(.identities, values)))
            }
            plan.events.append(
                AuditDraft(
                    actor: actor, action: .importBatch, entityID: nil,
                    summary: "\(ready.count) identities imported (PROV)", rows: references))
            return (plan, plan.insertedIdentities)
        }
    }
}
