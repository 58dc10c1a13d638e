import Foundation
import INS

extension IdentityDatabase {
    /// Creates many identities in one transaction (one audit event each). Used by the CSV import; duplicates
    /// are not flagged line by line (`duplicates` finds them afterwards). Ids are time-ordered (UUID v7) so a
    /// large import appends to the indexes keyed by id instead of rewriting pages all over them.
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
        try await backend.write(loading: []) { context throws(StoreError) in
            var plan = WritePlan()
            plan.insertedIdentities.reserveCapacity(ready.count)
            plan.events.reserveCapacity(ready.count)
            for (new, normalized) in ready {
                let record = IdentityRecord(
                    id: TimeOrderedID.make(at: context.now), traits: new.traits, normalized: normalized,
                    nomUtilise: new.nomUtilise, prenomUtilise: new.prenomUtilise, ins: new.ins, createdAt: context.now,
                    updatedAt: context.now)
                plan.insertedIdentities.append(record)
                plan.events.append(
                    AuditDraft(
                        actor: actor, action: .create, entityID: record.rowID, summary: "identity imported (PROV)",
                        rows: [record.rowReference]))
            }
            return (plan, plan.insertedIdentities)
        }
    }
}
