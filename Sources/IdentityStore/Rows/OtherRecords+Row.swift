import Foundation
import INS

private func uuid(_ text: String, _ column: String) throws(StoreError) -> UUID {
    guard let value = UUID(uuidString: text) else { throw .corrupted("\(column) \(text) is not a UUID") }
    return value
}

extension EvidenceRecord: RowCodable {
    static var tableName: String { "evidence" }
    static var columns: [String] {
        ["id", "identity_id", "kind_id", "document_reference", "checked_by", "checked_at", "note"]
    }
    var values: [SQLValue] {
        [
            .text(rowID), .text(identityID.uuidString.lowercased()), .text(kindID), SQLValue(documentReference),
            .text(checkedBy), .integer(checkedAt.milliseconds), SQLValue(note),
        ]
    }
    init(row: StoredRow) throws(StoreError) {
        self.init(
            id: try uuid(row.text("id"), "evidence.id"), identityID: try uuid(row.text("identity_id"), "evidence"),
            kindID: try row.text("kind_id"), documentReference: try row.optionalText("document_reference"),
            checkedBy: try row.text("checked_by"), checkedAt: Timestamp(milliseconds: try row.integer("checked_at")),
            note: try row.optionalText("note"))
    }
}

extension INSiCallRecord: RowCodable {
    static var tableName: String { "insi_calls" }
    static var columns: [String] {
        [
            "id", "identity_id", "mode", "operation", "message_id", "request_xml", "response_xml", "result_code",
            "fault", "duration_ms", "operator_id", "outcome", "at",
        ]
    }
    var values: [SQLValue] {
        [
            .text(rowID), SQLValue(identityID?.uuidString.lowercased()), .text(mode), .text(operation),
            .text(messageID), .text(requestXML), .text(responseXML), SQLValue(resultCode), SQLValue(fault),
            SQLValue(durationMilliseconds), .text(operatorID), .text(outcome.rawValue), .integer(at.milliseconds),
        ]
    }
    init(row: StoredRow) throws(StoreError) {
        guard let outcome = Outcome(rawValue: try row.text("outcome")) else { throw .corrupted("insi_calls.outcome") }
        self.init(
            id: try uuid(row.text("id"), "insi_calls.id"),
            identityID: try row.optionalText("identity_id").map { text throws(StoreError) in
                try uuid(text, "insi_calls.identity_id")
            },
            mode: try row.text("mode"), operation: try row.text("operation"), messageID: try row.text("message_id"),
            requestXML: try row.text("request_xml"), responseXML: try row.text("response_xml"),
            resultCode: try row.optionalText("result_code"), fault: try row.optionalText("fault"),
            durationMilliseconds: Int(try row.integer("duration_ms")), operatorID: try row.text("operator_id"),
            outcome: outcome, at: Timestamp(milliseconds: try row.integer("at")))
    }
}

extension StatusChangeRecord: RowCodable {
    static var tableName: String { "status_history" }
    static var columns: [String] {
        ["id", "identity_id", "from_status", "from_attributes", "to_status", "to_attributes", "reason", "actor", "at"]
    }
    var values: [SQLValue] {
        [
            .text(rowID), .text(identityID.uuidString.lowercased()), .text(from.status.rawValue),
            .text(Self.attributes(from)), .text(to.status.rawValue), .text(Self.attributes(to)), .text(reason),
            .text(actor), .integer(at.milliseconds),
        ]
    }
    init(row: StoredRow) throws(StoreError) {
        guard
            let from = Self.state(status: try row.text("from_status"), attributes: try row.text("from_attributes")),
            let to = Self.state(status: try row.text("to_status"), attributes: try row.text("to_attributes"))
        else { throw .corrupted("status_history states") }
        self.init(
            id: try uuid(row.text("id"), "status_history.id"),
            identityID: try uuid(row.text("identity_id"), "status_history.identity_id"), from: from, to: to,
            reason: try row.text("reason"), actor: try row.text("actor"),
            at: Timestamp(milliseconds: try row.integer("at")))
    }
}

extension WorkListItem: RowCodable {
    static var tableName: String { "work_items" }
    static var columns: [String] {
        ["id", "identity_id", "kind", "detail", "other_identity_id", "created_at", "resolved_at"]
    }
    var values: [SQLValue] {
        [
            .text(rowID), .text(identityID.uuidString.lowercased()), .text(kind.rawValue), .text(detail),
            SQLValue(otherIdentityID?.uuidString.lowercased()), .integer(createdAt.milliseconds),
            SQLValue(resolvedAt?.milliseconds),
        ]
    }
    init(row: StoredRow) throws(StoreError) {
        guard let kind = Kind(rawValue: try row.text("kind")) else { throw .corrupted("work_items.kind") }
        self.init(
            id: try uuid(row.text("id"), "work_items.id"),
            identityID: try uuid(row.text("identity_id"), "work_items.identity_id"), kind: kind,
            detail: try row.text("detail"),
            otherIdentityID: try row.optionalText("other_identity_id").map { text throws(StoreError) in
                try uuid(text, "work_items.other_identity_id")
            },
            createdAt: Timestamp(milliseconds: try row.integer("created_at")),
            resolvedAt: try row.optionalInteger("resolved_at").map(Timestamp.init(milliseconds:)))
    }
}

extension AuditEvent: RowCodable {
    static var tableName: String { "audit_events" }
    static var columns: [String] {
        ["seq", "at", "actor", "action", "entity_id", "summary", "row_refs", "prev_hash", "hash"]
    }
    var values: [SQLValue] {
        [
            .integer(sequence), .integer(at.milliseconds), .text(actor), .text(action.rawValue), SQLValue(entityID),
            .text(summary), .text(RowReference.encode(rows)), .text(previousHash), .text(hash),
        ]
    }
    /// Decoding is deliberately lenient about content: a tampered row must still be readable so that
    /// `audit verify` can name it.
    init(row: StoredRow) throws(StoreError) {
        let action = Action(rawValue: try row.text("action"))
        let rows = RowReference.decode(try row.text("row_refs"))
        self.init(
            sequence: try row.integer("seq"), at: Timestamp(milliseconds: try row.integer("at")),
            actor: try row.text("actor"), action: action ?? .update, entityID: try row.optionalText("entity_id"),
            summary: try row.text("summary"), rows: rows ?? [], previousHash: try row.text("prev_hash"),
            hash: action == nil || rows == nil ? "unreadable" : try row.text("hash"))
    }
}
