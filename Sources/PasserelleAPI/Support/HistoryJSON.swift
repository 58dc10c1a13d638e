import Foundation
import IdentityStore

/// JSON of an identity's history and of the store's other records.
enum HistoryJSON {
    static func history(_ history: IdentityHistory) -> [String: Any] {
        [
            "identity": APIJSON.identity(history.identity),
            "statusChanges": history.statusChanges.map { change in
                [
                    "from": change.from.status.rawValue, "to": change.to.status.rawValue, "reason": change.reason,
                    "actor": change.actor, "at": change.at.iso8601,
                ] as [String: Any]
            },
            "evidence": history.evidence.map(evidence),
            "insiCalls": history.insiCalls.map { call in
                [
                    "id": call.id.uuidString.lowercased(), "mode": call.mode, "operation": call.operation,
                    "messageId": call.messageID, "resultCode": APIJSON.optional(call.resultCode),
                    "fault": APIJSON.optional(call.fault), "outcome": call.outcome.rawValue,
                    "durationMs": call.durationMilliseconds, "operator": call.operatorID, "at": call.at.iso8601,
                ] as [String: Any]
            },
            "workItems": history.workItems.map(workItem),
            "auditEvents": history.auditEvents.map { event in
                [
                    "sequence": event.sequence, "action": event.action.rawValue, "actor": event.actor,
                    "summary": event.summary, "at": event.at.iso8601,
                ] as [String: Any]
            },
        ]
    }

    static func evidence(_ record: EvidenceRecord) -> [String: Any] {
        [
            "id": record.id.uuidString.lowercased(), "kind": record.kindID,
            "documentReference": APIJSON.optional(record.documentReference), "checkedBy": record.checkedBy,
            "checkedAt": record.checkedAt.iso8601, "note": APIJSON.optional(record.note),
        ]
    }

    static func workItem(_ item: WorkListItem) -> [String: Any] {
        [
            "id": item.id.uuidString.lowercased(), "identityId": item.identityID.uuidString.lowercased(),
            "kind": item.kind.rawValue, "label": item.kind.label, "detail": item.detail,
            "otherIdentityId": APIJSON.optional(item.otherIdentityID?.uuidString.lowercased()),
            "createdAt": item.createdAt.iso8601, "resolvedAt": APIJSON.optional(item.resolvedAt?.iso8601),
        ]
    }

    static func audit(_ report: AuditReport) -> [String: Any] {
        [
            "intact": report.isIntact, "eventsChecked": report.eventsChecked, "rowsChecked": report.rowsChecked,
            "head": ["sequence": report.head.sequence, "hash": report.head.hash],
            "problems": report.problems.map { problem in
                [
                    "description": problem.description,
                    "eventSequence": problem.eventSequence.map { $0 as Any } ?? NSNull(),
                ] as [String: Any]
            },
        ]
    }
}
