import Foundation
import INS

extension IdentityDatabase {
    public func create(_ new: NewIdentity, actor: String) async throws(StoreError) -> IdentityRecord {
        let normalized = try Self.normalize(new.traits)
        let record = try await backend.write(loading: []) { context throws(StoreError) in
            let record = IdentityRecord(
                id: UUID(), traits: new.traits, normalized: normalized, nomUtilise: new.nomUtilise,
                prenomUtilise: new.prenomUtilise, ins: new.ins, createdAt: context.now, updatedAt: context.now)
            var plan = WritePlan()
            plan.finish(record, inserted: true, action: .create, actor: actor, summary: "identity created (PROV)")
            return (plan, record)
        }
        try await flagDuplicates(of: record, actor: actor)
        return record
    }

    public func updateTraits(_ id: UUID, with edit: TraitsEdit, actor: String) async throws(StoreError)
        -> IdentityRecord
    {
        let normalized = try Self.normalize(edit.traits)
        return try await backend.write(loading: [id]) { context throws(StoreError) in
            var record = try context.identity(id)
            var plan = WritePlan()
            let traitsChanged = record.normalized != normalized || record.traits != edit.traits
            if traitsChanged {
                // A changed trait no longer matches what INSi or the document said: the state machine decides
                // how far the status drops, and whether the INS must go.
                try plan.apply(
                    .traitsEdited(againstDocument: edit.againstDocument), to: &record, actor: actor, now: context.now,
                    detail: edit.reason)
            }
            record.traits = edit.traits
            record.normalized = normalized
            record.nomUtilise = edit.nomUtilise
            record.prenomUtilise = edit.prenomUtilise
            record.version += 1
            record.updatedAt = context.now
            plan.finish(
                record, inserted: false, action: .update, actor: actor,
                summary: traitsChanged ? "traits edited: \(edit.reason)" : "names in use edited: \(edit.reason)")
            return (plan, record)
        }
    }

    public func addEvidence(_ id: UUID, _ evidence: NewEvidence, actor: String) async throws(StoreError)
        -> IdentityRecord
    {
        guard let kind = catalogue.kind(id: evidence.kindID) else { throw .unknownEvidenceKind(evidence.kindID) }
        return try await backend.write(loading: [id]) { context throws(StoreError) in
            var record = try context.identity(id)
            var plan = WritePlan()
            plan.evidence.append(
                EvidenceRecord(
                    id: UUID(), identityID: id, kindID: kind.id, documentReference: evidence.documentReference,
                    checkedBy: actor, checkedAt: context.now, note: evidence.note))
            // A document that is not high-trust is kept as information; it validates nothing.
            if kind.isHighTrust {
                try plan.apply(.documentChecked(kind), to: &record, actor: actor, now: context.now)
                record.validationModeCode = kind.validationModeCode ?? record.validationModeCode
            }
            record.version += 1
            record.updatedAt = context.now
            plan.finish(
                record, inserted: false, action: .evidence, actor: actor, summary: "evidence \(kind.id) recorded")
            return (plan, record)
        }
    }

    public func setAttribute(_ id: UUID, _ attribute: IdentityAttribute, actor: String) async throws(StoreError)
        -> IdentityRecord
    {
        try await changeAttribute(id, event: .attributeSet(attribute), actor: actor)
    }

    public func clearAttribute(_ id: UUID, _ attribute: IdentityAttribute, actor: String) async throws(StoreError)
        -> IdentityRecord
    {
        try await changeAttribute(id, event: .attributeCleared(attribute), actor: actor)
    }

    private func changeAttribute(_ id: UUID, event: RNIVEvent, actor: String) async throws(StoreError)
        -> IdentityRecord
    {
        try await backend.write(loading: [id]) { context throws(StoreError) in
            var record = try context.identity(id)
            var plan = WritePlan()
            try plan.apply(event, to: &record, actor: actor, now: context.now)
            record.version += 1
            record.updatedAt = context.now
            plan.finish(record, inserted: false, action: .update, actor: actor, summary: "attributes: \(event)")
            return (plan, record)
        }
    }

    /// Puts each new probable duplicate on the work list (one item per pair, on the newer identity).
    func flagDuplicates(of record: IdentityRecord, actor: String) async throws(StoreError) {
        let candidates = try await probableDuplicates(of: record)
        guard !candidates.isEmpty else { return }
        try await backend.write(loading: [record.id]) { context throws(StoreError) in
            let current = try context.identity(record.id)
            var plan = WritePlan()
            for candidate in candidates {
                plan.insertedWorkItems.append(
                    WorkListItem(
                        id: UUID(), identityID: record.id, kind: .probableDuplicate,
                        detail: candidate.reasons.map(\.rawValue).joined(separator: ","),
                        otherIdentityID: candidate.identity.id, createdAt: context.now))
            }
            plan.events.append(
                AuditDraft(
                    actor: actor, action: .workList, entityID: current.rowID,
                    summary: "\(candidates.count) probable duplicate(s)",
                    rows: plan.insertedWorkItems.map(\.rowReference)))
            return (plan, ())
        }
    }
}
