/// Versioned migrations, applied in order and recorded in `schema_migrations`. A released migration is never
/// edited: a change is a new version.
struct Migration: Sendable {
    let version: Int
    let name: String
    let tables: [TableDefinition]
    /// Indexes added to existing tables (created `IF NOT EXISTS`).
    var addedIndexes: [SchemaIndex] = []
    /// Indexes removed (`DROP INDEX IF EXISTS`).
    var droppedIndexes: [String] = []
    /// Extra statements per dialect (seed rows, constraints the definition language does not express).
    let extra: @Sendable (SQLDialect) -> [String]

    func statements(_ dialect: SQLDialect) -> [String] {
        tables.flatMap { $0.createStatements(dialect) }
            + droppedIndexes.map { "DROP INDEX IF EXISTS \($0)" }
            + addedIndexes.map { $0.index.createStatement(on: $0.table, ifNotExists: true) } + extra(dialect)
    }
}

/// An index with the table it belongs to.
struct SchemaIndex: Sendable {
    let table: String
    let index: TableDefinition.Index

    var createIfMissing: String { index.createStatement(on: table, ifNotExists: true) }
}

enum Migrations {
    static let all: [Migration] = [version1, version2, version3]

    static var latestVersion: Int { all.map(\.version).max() ?? 0 }

    /// Every index of the schema once all migrations ran: what each version created, less what a later one
    /// dropped. Indexes are derived data: the SQLite back end recreates any that is missing at every open.
    static var indexes: [SchemaIndex] {
        var current: [SchemaIndex] = []
        for migration in all {
            current.removeAll { migration.droppedIndexes.contains($0.index.name) }
            for table in migration.tables {
                current += table.indexes.map { SchemaIndex(table: table.name, index: $0) }
            }
            current += migration.addedIndexes
        }
        return current
    }

    /// The secondary indexes of `identities` (not its primary key): an initial load into an empty table
    /// drops them and builds them once at the end (`SQLiteBackend.beginInitialLoad`).
    static var identityIndexes: [SchemaIndex] { indexes.filter { $0.table == "identities" } }

    static let trackingTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"

    static let version1 = Migration(
        version: 1, name: "identities, evidence, INSi calls, status history, work list, audit chain",
        tables: [
            TableDefinition(
                name: "identities",
                columns: [
                    column("id", .text, primaryKey: true),
                    column("nom_naissance", .text), column("prenoms", .text), column("sexe", .text),
                    column("naissance", .text), column("naissance_incomplete", .integer),
                    column("lieu_naissance", .text, nullable: true),
                    column("nom_norm", .text), column("prenoms_norm", .text),
                    column("nom_key", .text), column("prenom_key", .text),
                    column("nom_utilise", .text, nullable: true), column("prenom_utilise", .text, nullable: true),
                    column("status", .text), column("attributes", .text),
                    column("matricule", .text, nullable: true), column("oid", .text, nullable: true),
                    column("insi_history", .text, nullable: true), column("validation_mode", .text, nullable: true),
                    column("version", .integer), column("created_at", .bigInteger), column("updated_at", .bigInteger),
                ],
                indexes: [
                    index("identities_birth_sex", ["naissance", "sexe"]),
                    index("identities_matricule", ["matricule"]),
                    index("identities_name_keys", ["nom_key", "prenom_key"]),
                    index("identities_prenom_key", ["prenom_key"]),
                    index("identities_nom_norm", ["nom_norm"]),
                ]),
            TableDefinition(
                name: "evidence",
                columns: [
                    column("id", .text, primaryKey: true), column("identity_id", .text), column("kind_id", .text),
                    column("document_reference", .text, nullable: true), column("checked_by", .text),
                    column("checked_at", .bigInteger), column("note", .text, nullable: true),
                ],
                indexes: [index("evidence_identity", ["identity_id"])]),
            TableDefinition(
                name: "insi_calls",
                columns: [
                    column("id", .text, primaryKey: true), column("identity_id", .text, nullable: true),
                    column("mode", .text), column("operation", .text), column("message_id", .text),
                    column("request_xml", .text), column("response_xml", .text),
                    column("result_code", .text, nullable: true), column("fault", .text, nullable: true),
                    column("duration_ms", .integer), column("operator_id", .text), column("outcome", .text),
                    column("at", .bigInteger),
                ],
                indexes: [index("insi_calls_identity", ["identity_id"])]),
            TableDefinition(
                name: "status_history",
                columns: [
                    column("id", .text, primaryKey: true), column("identity_id", .text),
                    column("from_status", .text), column("from_attributes", .text),
                    column("to_status", .text), column("to_attributes", .text),
                    column("reason", .text), column("actor", .text), column("at", .bigInteger),
                ],
                indexes: [index("status_history_identity", ["identity_id", "at"])]),
            TableDefinition(
                name: "work_items",
                columns: [
                    column("id", .text, primaryKey: true), column("identity_id", .text), column("kind", .text),
                    column("detail", .text), column("other_identity_id", .text, nullable: true),
                    column("created_at", .bigInteger), column("resolved_at", .bigInteger, nullable: true),
                ],
                indexes: [index("work_items_identity", ["identity_id"]), index("work_items_open", ["resolved_at"])]),
            TableDefinition(
                name: "audit_events",
                columns: [
                    column("seq", .bigInteger, primaryKey: true), column("at", .bigInteger), column("actor", .text),
                    column("action", .text), column("entity_id", .text, nullable: true), column("summary", .text),
                    column("row_refs", .text), column("prev_hash", .text), column("hash", .text),
                ],
                indexes: [index("audit_events_entity", ["entity_id"])]),
            TableDefinition(
                name: "audit_head",
                columns: [
                    column("id", .integer, primaryKey: true), column("seq", .bigInteger), column("hash", .text),
                ],
                indexes: []),
        ],
        extra: { _ in
            ["INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\(AuditEvent.genesisHash)')"]
        })

    /// Two indexes no query uses (no search reads `nom_norm` or a `prenom_key` range alone): each cost a random
    /// B-tree insert per identity, the bulk of an import's page writes, and bought nothing.
    static let version2 = Migration(
        version: 2, name: "drop unused identity indexes", tables: [],
        droppedIndexes: ["identities_prenom_key", "identities_nom_norm"], extra: { _ in [] })

    /// A bulk import is audited by one event per batch (action `import`, no entity) that lists every created
    /// row; `history` finds it by the identity's creation time. Partial: only those events are indexed.
    static let version3 = Migration(
        version: 3, name: "index import events by time", tables: [],
        addedIndexes: [
            SchemaIndex(
                table: "audit_events", index: index("audit_events_import_at", ["at"], where: "action = 'import'"))
        ],
        extra: { _ in [] })
}
