import Foundation
import INS
import Testing

@testable import IdentityStore

/// An import into an empty SQLite base loads the identities without their secondary indexes and builds them at
/// the end: the base ends with exactly the schema's indexes, and every search answers as after an import into
/// a base that already held identities (where the indexes are kept). PostgreSQL keeps its indexes either way.
enum InitialLoadContract {
    /// Distinct names, plus a Dupont family for the trait, matricule, name and duplicate searches.
    static func csv() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("initial-\(UUID().uuidString).csv")
        var text = "nom;prenoms;sexe;naissance;lieu;matricule;oid\n"
        text += "Dupont;Jean Pierre;M;1980-02-29;75056;\(Sample.matricule);\(INSOID.nirTest.rawValue)\n"
        text += "Dupond;Jean;M;1980-02-29;75056;;\n"
        text += "Jean;Dupont;M;1980-02-29;75056;;\n"
        text += "Autre;Personne;M;1990-01-01;75056;\(Sample.matricule);\(INSOID.nirTest.rawValue)\n"
        text += "Dupont;Jean Pierre;M;1980-02-28;75056;;\n"
        for index in 1...1_500 {
            let naissance =
                "19\(50 + index % 50)-\(String(format: "%02d", 1 + index % 12))-\(String(format: "%02d", 1 + index % 28))"
            text += "Load-\(BulkImportContract.letters(index));Anne;\(index % 2 == 0 ? "F" : "M");\(naissance);;;\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// What a search answers, independent of ids and creation times.
    static func names(_ records: [IdentityRecord]) -> [String] {
        records.map { "\($0.traits.nomNaissance)|\($0.traits.prenoms)|\($0.traits.naissance)" }.sorted()
    }

    static func answers(_ database: IdentityDatabase) async throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        out["traits"] = names(
            try await database.search(.traits(try Sample.traits("DUPONT", "jean pierre", lieu: nil)), limit: 50))
        out["matricule"] = names(try await database.search(.matricule(Sample.matricule), limit: 50))
        out["name DUP JE"] = names(try await database.search(.name("DUP JE"), limit: 50))
        out["name LOAD-B"] = names(try await database.search(.name("LOAD-B"), limit: 50))
        out["name prefix"] = names(try await database.search(.name("load-a"), limit: 50))
        let original = try #require(
            try await database.search(.matricule(Sample.matricule), limit: 50)
                .first { $0.traits.nomNaissance == "Dupont" })
        out["duplicates"] = try await database.probableDuplicates(of: original.id).map { candidate in
            "\(names([candidate.identity])[0]) \(candidate.reasons.map { "\($0)" }.sorted())"
        }.sorted()
        return out
    }

    static func initialLoadRebuildsIndexesAndSearchesMatch(_ backend: TestBackend) async throws {
        let file = try csv()
        defer { try? FileManager.default.removeItem(at: file) }

        let emptyTest = try TestDatabase.make(backend)
        let empty = try await emptyTest.open()
        let loaded = try await CSVImporter.run(path: file.path, into: empty, actor: "load", batchSize: 400)
        #expect(loaded.imported == 1_505 && loaded.errors.isEmpty && loaded.committedBatches == 4)
        #expect(loaded.rebuiltIndexes == (backend == .sqlite))

        let seededTest = try TestDatabase.make(backend)
        let seeded = try await seededTest.open()
        _ = try await seeded.create(
            NewIdentity(traits: try Sample.traits("Zeller", "Hugo", naissance: "2001-03-04")), actor: "seed")
        let kept = try await CSVImporter.run(path: file.path, into: seeded, actor: "load", batchSize: 400)
        #expect(kept.imported == 1_505 && !kept.rebuiltIndexes)

        switch backend {
        case .sqlite:
            // Exactly the schema's indexes, on every table, and the identity table's primary key.
            let schema = Set(Migrations.indexes.map(\.index.name))
            #expect(schema.isSuperset(of: ["identities_birth_sex", "identities_matricule", "identities_name_keys"]))
            for test in [emptyTest, seededTest] {
                let named = try test.sql("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                #expect(Set(named.split(separator: "\n").map(String.init)) == schema)
                let listed = try test.sql("PRAGMA index_list('identities')").split(separator: "\n")
                    .map { $0.split(separator: "|").map(String.init) }
                #expect(
                    listed.filter { $0[3] == "c" }.map { $0[1] }.sorted()
                        == Migrations.identityIndexes.map(\.index.name).sorted())
                #expect(listed.filter { $0[3] == "pk" }.count == 1)
            }
        case .postgres:
            let indexes = try emptyTest.sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'identities' AND indexname <> 'identities_pkey' ORDER BY 1"
            )
            #expect(
                indexes.split(separator: "\n") == [
                    "identities_birth_sex", "identities_matricule", "identities_name_keys",
                ])
        }

        let fromEmpty = try await answers(empty)
        let fromSeeded = try await answers(seeded)
        #expect(fromEmpty == fromSeeded)
        #expect(fromEmpty["traits"]?.count == 1)
        #expect(fromEmpty["matricule"]?.count == 2)
        #expect(fromEmpty["duplicates"]?.count == 4)
        #expect(fromEmpty["name prefix"]?.isEmpty == false)
        #expect(try await empty.verifyAudit().isIntact)
        await empty.close()
        await seeded.close()
    }

    /// A base whose initial load was killed before the indexes were rebuilt gets them back at the next open.
    static func openRecreatesMissingSchemaIndexes() async throws {
        let test = try TestDatabase.make(.sqlite)
        await (try await test.open()).close()
        for index in Migrations.indexes { try test.sql("DROP INDEX \(index.index.name)") }
        #expect(try test.sql("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL") == "0")
        let database = try await test.open()
        let named = try test.sql("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        #expect(Set(named.split(separator: "\n").map(String.init)) == Set(Migrations.indexes.map(\.index.name)))
        // The partial index keeps its condition.
        let partial = try test.sql("SELECT sql FROM sqlite_master WHERE name = 'audit_events_import_at'")
        #expect(partial.hasSuffix("WHERE action = 'import'"))
        await database.close()
    }
}
