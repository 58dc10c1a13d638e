import Foundation
import INS

/// The one implementation of `IdentityRepository`, over either back end. The RNIV rules, the audit drafts and
/// the duplicate rules live here; the back ends only read rows and execute sealed plans.
public final class IdentityDatabase: IdentityRepository {
    let backend: any StoreBackend
    public let catalogue: EvidenceCatalogue

    init(backend: any StoreBackend, catalogue: EvidenceCatalogue) {
        self.backend = backend
        self.catalogue = catalogue
    }

    /// Opens (and migrates) the store at `location`.
    public static func open(_ location: StoreLocation, catalogue: EvidenceCatalogue = .rnivDefault)
        async throws(StoreError) -> IdentityDatabase
    {
        switch location {
        case .sqlite(let path):
            return IdentityDatabase(backend: try SQLiteBackend(path: path), catalogue: catalogue)
        case .postgres(let url):
            return IdentityDatabase(backend: try await PostgresBackend.connect(url: url), catalogue: catalogue)
        }
    }

    /// `sqlite` or `postgres`.
    public var backendName: String { backend.name }

    public func close() async { await backend.close() }

    public func identity(_ id: UUID) async throws(StoreError) -> IdentityRecord {
        let found = try await backend.identities(.ids([id.uuidString.lowercased()]), limit: 1)
        guard let record = found.first else { throw .notFound(id: id.uuidString.lowercased()) }
        return record
    }

    public func history(_ id: UUID) async throws(StoreError) -> IdentityHistory {
        let record = try await identity(id)
        let key: [SQLValue] = [.text(id.uuidString.lowercased())]
        return IdentityHistory(
            identity: record,
            statusChanges: try await backend.select(
                StatusChangeRecord.self, where: "identity_id = ? ORDER BY at, id", key),
            evidence: try await backend.select(EvidenceRecord.self, where: "identity_id = ? ORDER BY checked_at", key),
            insiCalls: try await backend.select(INSiCallRecord.self, where: "identity_id = ? ORDER BY at", key),
            workItems: try await backend.select(WorkListItem.self, where: "identity_id = ? ORDER BY created_at", key),
            auditEvents: try await auditEvents(of: record))
    }

    /// The events naming the identity, and the import event that created it when it came in bulk: that event
    /// lists the batch's rows instead of naming one entity, and shares the identity's creation time (the
    /// partial index `audit_events_import_at` finds it).
    func auditEvents(of record: IdentityRecord) async throws(StoreError) -> [AuditEvent] {
        let named = try await backend.select(
            AuditEvent.self, where: "entity_id = ? ORDER BY seq", [.text(record.rowID)])
        let imports = try await backend.select(
            AuditEvent.self, where: "action = 'import' AND at = ? ORDER BY seq",
            [.integer(record.createdAt.milliseconds)])
        let creating = imports.filter { event in
            event.rows.contains { $0.table == .identities && $0.id == record.rowID }
        }
        guard !creating.isEmpty else { return named }
        return (creating + named).sorted { $0.sequence < $1.sequence }
    }

    public func workList(openOnly: Bool) async throws(StoreError) -> [WorkListItem] {
        try await backend.select(
            WorkListItem.self,
            where: openOnly ? "resolved_at IS NULL ORDER BY created_at" : "1 = 1 ORDER BY created_at",
            [])
    }

    public func exportPage(after id: UUID?, limit: Int) async throws(StoreError) -> [IdentityRecord] {
        try await backend.identities(.page(after: id?.uuidString.lowercased()), limit: limit)
    }

    public func recordExport(format: String, count: Int, actor: String) async throws(StoreError) {
        try await backend.write(loading: []) { _ throws(StoreError) in
            var plan = WritePlan()
            plan.events.append(
                AuditDraft(
                    actor: actor, action: .export, entityID: nil, summary: "exported \(count) identities as \(format)",
                    rows: []))
            return (plan, ())
        }
    }

    /// Normalises typed traits, reporting the lexical refusal as a trait error.
    static func normalize(_ traits: Traits) throws(StoreError) -> NormalizedTraits {
        do { return try traits.normalized() } catch { throw .invalidTraits(.lexical(error)) }
    }
}

/// Where the identities live.
public enum StoreLocation: Sendable, Hashable {
    case sqlite(path: String)
    case postgres(url: String)

    /// The database URL wins when given (shared base); otherwise `identities.sqlite` in the data directory.
    public static func resolve(dataDirectory: String?, databaseURL: String?) -> StoreLocation {
        if let url = databaseURL, !url.isEmpty { return .postgres(url: url) }
        let directory = dataDirectory.flatMap { $0.isEmpty ? nil : $0 } ?? defaultDataDirectory
        return .sqlite(path: (directory as NSString).appendingPathComponent("identities.sqlite"))
    }

    static var defaultDataDirectory: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.currentDirectoryPath
        return (home as NSString).appendingPathComponent(".local/share/passerelle")
    }
}
