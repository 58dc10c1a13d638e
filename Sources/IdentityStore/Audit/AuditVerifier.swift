import Foundation

extension IdentityDatabase {
    /// Walks the whole chain in sequence order, then checks every audited row against the digest of the last
    /// event that wrote it. Reads only; safe while others write (it checks up to the head it read first).
    public func verifyAudit() async throws(StoreError) -> AuditReport {
        let head = try await backend.head()
        var problems: [AuditReport.Problem] = []
        var expected: Int64 = 1
        var previousHash = AuditEvent.genesisHash
        var lastSequence: Int64 = 0
        var vouched: [RecordTable: [String: (digest: String, event: Int64)]] = [:]
        var checked: Int64 = 0
        while true {
            let page = try await backend.select(
                AuditEvent.self, where: "seq > ? AND seq <= ? ORDER BY seq LIMIT 5000",
                [.integer(lastSequence), .integer(head.sequence)])
            guard !page.isEmpty else { break }
            for event in page {
                checked += 1
                if event.sequence != expected {
                    problems.append(.missingEvents(after: expected - 1, next: event.sequence))
                }
                if !event.isSelfConsistent {
                    problems.append(.alteredEvent(sequence: event.sequence))
                } else if event.previousHash != previousHash, event.sequence == expected {
                    problems.append(.brokenLink(sequence: event.sequence))
                }
                for row in event.rows {
                    vouched[row.table, default: [:]][row.id] = (row.digest, event.sequence)
                }
                previousHash = event.hash
                expected = event.sequence + 1
                lastSequence = event.sequence
            }
        }
        if lastSequence != head.sequence || (head.sequence > 0 && previousHash != head.hash) {
            problems.append(.headMismatch(headSequence: head.sequence, lastSequence: lastSequence))
        }
        var rowsChecked = 0
        for table in RecordTable.allCases {
            var remaining = vouched[table] ?? [:]
            try await forEachRow(of: table) { reference in
                rowsChecked += 1
                guard let entry = remaining.removeValue(forKey: reference.id) else {
                    problems.append(.unauditedRow(table: table, id: reference.id))
                    return
                }
                if entry.digest != reference.digest {
                    problems.append(.alteredRow(table: table, id: reference.id, event: entry.event))
                }
            }
            for (id, entry) in remaining.sorted(by: { $0.value.event < $1.value.event }) {
                problems.append(.deletedRow(table: table, id: id, event: entry.event))
            }
        }
        let ordered = problems.enumerated().sorted { lhs, rhs in
            (lhs.element.eventSequence ?? .max, lhs.offset) < (rhs.element.eventSequence ?? .max, rhs.offset)
        }
        return AuditReport(
            eventsChecked: checked, rowsChecked: rowsChecked, head: head, problems: ordered.map(\.element))
    }

    private func forEachRow(of table: RecordTable, _ visit: (RowReference) -> Void) async throws(StoreError) {
        switch table {
        case .identities: try await page(IdentityRecord.self, visit)
        case .evidence: try await page(EvidenceRecord.self, visit)
        case .insiCalls: try await page(INSiCallRecord.self, visit)
        case .statusHistory: try await page(StatusChangeRecord.self, visit)
        case .workItems: try await page(WorkListItem.self, visit)
        }
    }

    /// Reads raw column values, not records: a row edited into something undecodable is still checked.
    private func page<Record: AuditedRow>(_ type: Record.Type, _ visit: (RowReference) -> Void)
        async throws(StoreError)
    {
        var after = ""
        while true {
            let rows = try await backend.selectRows(
                Record.tableName, columns: Record.columns, where: "id > ? ORDER BY id LIMIT 5000", [.text(after)])
            guard !rows.isEmpty else { return }
            for row in rows {
                let values = Record.columns.map { row.values[$0] ?? .null }
                guard case .text(let id) = values[0] else { continue }
                visit(RowReference(table: Record.table, id: id, digest: RowDigest.compute(Record.table, values)))
                after = id
            }
        }
    }
}
