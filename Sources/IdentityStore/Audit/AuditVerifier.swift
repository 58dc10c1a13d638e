import Foundation

extension IdentityDatabase {
    /// Walks the whole chain in sequence order, then checks every audited row against the digest of the last
    /// event that wrote it. Reads only; safe while others write (it checks up to the head it read first).
    /// Memory stays bounded at any size: events and rows are read in pages, and what the chain vouches for is
    /// kept in a scratch file (`VouchedRows`) that is merged with the tables in id order.
    static let eventPage = 5_000
    static let rowsPerPage = 50_000

    public func verifyAudit() async throws(StoreError) -> AuditReport {
        let head = try await backend.head()
        var problems: [AuditReport.Problem] = []
        var expected: Int64 = 1
        var previousHash = AuditEvent.genesisHash
        var lastSequence: Int64 = 0
        let vouched = try VouchedRows()
        defer { vouched.remove() }
        var checked: Int64 = 0
        // The first page is one event: until a page has been seen, an event may list one row or a whole batch.
        var limit = 1
        while true {
            let page = try await backend.select(
                AuditEvent.self, where: "seq > ? AND seq <= ? ORDER BY seq LIMIT \(limit)",
                [.integer(lastSequence), .integer(head.sequence)])
            guard !page.isEmpty else { break }
            // An import event lists a whole batch of rows: size the next page by rows, not events, so that
            // memory stays bounded whatever the batch size was.
            let rows = page.reduce(0) { $0 + $1.rows.count }
            limit = max(1, min(Self.eventPage, Self.rowsPerPage * page.count / max(1, rows)))
            try vouched.record(page)
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
            // Both sides in id byte order: a merge, with no per-row state kept in memory.
            var cursor = VouchedCursor(vouched: vouched, table: table)
            var deleted: [AuditReport.Problem] = []
            try await forEachRow(of: table) { reference throws(StoreError) in
                rowsChecked += 1
                while let entry = try cursor.peek(), entry.id.utf8.lexicographicallyPrecedes(reference.id.utf8) {
                    deleted.append(.deletedRow(table: table, id: entry.id, event: entry.event))
                    cursor.advance()
                }
                guard let entry = try cursor.peek(), entry.id == reference.id else {
                    problems.append(.unauditedRow(table: table, id: reference.id))
                    return
                }
                cursor.advance()
                if entry.digest != reference.digest {
                    problems.append(.alteredRow(table: table, id: reference.id, event: entry.event))
                }
            }
            while let entry = try cursor.peek() {
                deleted.append(.deletedRow(table: table, id: entry.id, event: entry.event))
                cursor.advance()
            }
            problems += deleted.enumerated().sorted { lhs, rhs in
                (lhs.element.eventSequence ?? 0, lhs.offset) < (rhs.element.eventSequence ?? 0, rhs.offset)
            }.map(\.element)
        }
        let ordered = problems.enumerated().sorted { lhs, rhs in
            (lhs.element.eventSequence ?? .max, lhs.offset) < (rhs.element.eventSequence ?? .max, rhs.offset)
        }
        return AuditReport(
            eventsChecked: checked, rowsChecked: rowsChecked, head: head, problems: ordered.map(\.element))
    }

    private func forEachRow(of table: RecordTable, _ visit: (RowReference) throws(StoreError) -> Void)
        async throws(StoreError)
    {
        switch table {
        case .identities: try await page(IdentityRecord.self, visit)
        case .evidence: try await page(EvidenceRecord.self, visit)
        case .insiCalls: try await page(INSiCallRecord.self, visit)
        case .statusHistory: try await page(StatusChangeRecord.self, visit)
        case .workItems: try await page(WorkListItem.self, visit)
        }
    }

    /// Reads raw column values, not records: a row edited into something undecodable is still checked.
    private func page<Record: AuditedRow>(_ type: Record.Type, _ visit: (RowReference) throws(StoreError) -> Void)
        async throws(StoreError)
    {
        var after = ""
        while true {
            let rows = try await backend.selectValues(
                Record.tableName, columns: Record.columns, where: "id > ? ORDER BY id LIMIT 5000", [.text(after)])
            guard !rows.isEmpty else { return }
            for values in rows {
                guard case .text(let id) = values[0] else { continue }
                try visit(RowReference(table: Record.table, id: id, digest: RowDigest.compute(Record.table, values)))
                after = id
            }
        }
    }
}

/// Reads `VouchedRows` of one table forward, a page at a time.
struct VouchedCursor {
    let vouched: VouchedRows
    let table: RecordTable
    private var buffer: [VouchedRows.Entry] = []
    private var index = 0
    private var last = ""
    private var exhausted = false

    init(vouched: VouchedRows, table: RecordTable) {
        self.vouched = vouched
        self.table = table
    }

    mutating func peek() throws(StoreError) -> VouchedRows.Entry? {
        if index < buffer.count { return buffer[index] }
        guard !exhausted else { return nil }
        buffer = try vouched.page(table, after: last, limit: 5_000)
        index = 0
        guard let final = buffer.last else {
            exhausted = true
            return nil
        }
        last = final.id
        return buffer[0]
    }

    mutating func advance() { index += 1 }
}
