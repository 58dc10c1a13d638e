import Foundation
import INS

extension WritePlan {
    /// Applies an RNIV event to a record inside a plan: stores the status change and carries out the effects
    /// the state machine asks for. A refusal leaves the plan and the record untouched.
    mutating func apply(
        _ event: RNIVEvent, to record: inout IdentityRecord, actor: String, now: Timestamp, detail: String? = nil
    ) throws(StoreError) {
        let transition: RNIVState.Transition
        switch record.state.apply(event) {
        case .success(let value): transition = value
        case .failure(let refusal): throw .refused(refusal)
        }
        record.state = transition.to
        for effect in transition.effects {
            switch effect {
            case .invalidateINS:
                record.ins = nil
            case .addToWorkList(let reason):
                insertedWorkItems.append(
                    WorkListItem(
                        id: UUID(), identityID: record.id, kind: WorkListItem.Kind(reason),
                        detail: detail ?? transition.reason, createdAt: now))
            }
        }
        if transition.from != transition.to {
            statusChanges.append(
                StatusChangeRecord(
                    id: UUID(), identityID: record.id, from: transition.from, to: transition.to,
                    reason: detail.map { "\(transition.reason): \($0)" } ?? transition.reason, actor: actor, at: now))
        }
    }

    /// Finishes a single-identity operation: stores the record and one audit event per concern (the status
    /// change gets its own event), each listing the rows it wrote.
    mutating func finish(
        _ record: IdentityRecord, inserted: Bool, action: AuditEvent.Action, actor: String, summary: String
    ) {
        if inserted { insertedIdentities.append(record) } else { updatedIdentities.append(record) }
        var rows = [record.rowReference]
        rows += evidence.map(\.rowReference) + insiCalls.map(\.rowReference)
        rows += insertedWorkItems.map(\.rowReference) + updatedWorkItems.map(\.rowReference)
        let entity = record.rowID
        events.append(AuditDraft(actor: actor, action: action, entityID: entity, summary: summary, rows: rows))
        if !statusChanges.isEmpty {
            let text = statusChanges.map { "\($0.from.status.rawValue) -> \($0.to.status.rawValue): \($0.reason)" }
            events.append(
                AuditDraft(
                    actor: actor, action: .statusChange, entityID: entity, summary: text.joined(separator: "; "),
                    rows: statusChanges.map(\.rowReference)))
        }
    }
}

extension WorkListItem.Kind {
    init(_ reason: RNIVState.WorkListReason) {
        switch reason {
        case .verificationKO: self = .verificationKO
        case .douteuse: self = .douteuse
        case .qualificationLost: self = .qualificationLost
        }
    }
}
