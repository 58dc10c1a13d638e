/// Appends drafts to the chain. Called by a back end while it holds the chain head exclusively.
enum AuditChain {
    static func seal(_ drafts: [AuditDraft], after head: ChainHead, at now: Timestamp) -> ([AuditEvent], ChainHead) {
        var events: [AuditEvent] = []
        events.reserveCapacity(drafts.count)
        var sequence = head.sequence
        var previous = head.hash
        for draft in drafts {
            sequence += 1
            let at = draft.at ?? now
            let unsealed = AuditEvent(
                sequence: sequence, at: at, actor: draft.actor, action: draft.action, entityID: draft.entityID,
                summary: draft.summary, rows: draft.rows, previousHash: previous, hash: "")
            let hash = AuditEvent.computeHash(previousHash: previous, fields: unsealed.canonicalFields)
            events.append(
                AuditEvent(
                    sequence: sequence, at: at, actor: draft.actor, action: draft.action, entityID: draft.entityID,
                    summary: draft.summary, rows: draft.rows, previousHash: previous, hash: hash))
            previous = hash
        }
        return (events, ChainHead(sequence: sequence, hash: previous))
    }
}
