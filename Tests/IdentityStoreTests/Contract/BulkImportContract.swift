import Foundation
import INS
import Testing

@testable import IdentityStore

#if canImport(Glibc)
    import Glibc
#endif

/// The bulk path of the CSV import: many identities per transaction, one audit event per batch that lists every
/// created row with its digest, a chain that verifies (rows in pages larger than one), acknowledgements per
/// committed batch that survive a kill.
enum BulkImportContract {
    /// `count` lines with distinct names (`BULK<n>`), every `badEvery`-th one refused for a digit in the nom.
    static func csv(count: Int, badEvery: Int = 0) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString).csv")
        var text = "nom;prenoms;sexe;naissance;lieu;matricule;oid\n"
        for index in 1...count {
            let bad = badEvery > 0 && index % badEvery == 0
            let nom = "Bulk-\(letters(index))" + (bad ? "9" : "")
            let sexe = index % 2 == 0 ? "F" : "M"
            let naissance =
                "19\(50 + index % 50)-\(String(format: "%02d", 1 + index % 12))-\(String(format: "%02d", 1 + index % 28))"
            text += "\(nom);Élise Anne;\(sexe);\(naissance);75056;;\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A name made of letters only (digits are refused by the normaliser).
    static func letters(_ value: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var number = value
        var out = ""
        repeat {
            out.append(alphabet[number % 26])
            number /= 26
        } while number > 0
        return out
    }

    static func bulkImportIsAuditedAndVerifiable(_ backend: TestBackend) async throws {
        let test = try TestDatabase.make(backend)
        let database = try await test.open()
        let file = try csv(count: 6_100, badEvery: 500)
        let progress = ProgressLog()
        let report = try await CSVImporter.run(path: file.path, into: database, actor: "bulk", batchSize: 2_000) {
            progress.append($0)
        }
        // 12 refused lines, each reported with its own line number (header is line 1).
        #expect(report.errors.map(\.line) == (1...12).map { $0 * 500 + 1 })
        #expect(report.errors.allSatisfy { $0.field == "nom" })
        #expect(report.imported == 6_088)
        #expect(report.committedBatches == 4)
        #expect(progress.all.map(\.committedBatches) == [1, 2, 3, 4, 4])
        #expect(progress.all.map(\.settledThroughLine) == progress.all.map(\.settledThroughLine).sorted())
        #expect(progress.last?.settledThroughLine == 6_101)

        // One audit event per committed batch, naming no single identity but vouching for every row it created.
        #expect(try test.sql("SELECT count(*) FROM audit_events WHERE action = 'import'") == "4")
        #expect(try test.sql("SELECT count(*) FROM audit_events") == "4")
        #expect(try test.sql("SELECT count(*) FROM audit_events WHERE entity_id IS NOT NULL") == "0")
        let sampleID = try #require(
            UUID(uuidString: try test.sql("SELECT id FROM identities WHERE nom_naissance = 'Bulk-B'")))
        let sample = try await database.identity(sampleID)
        let created = try await database.history(sample.id).auditEvents
        #expect(created.map(\.action) == [.importBatch])
        #expect(created.first?.rows.contains(sample.rowReference) == true)
        #expect(created.first?.rows.count == 2_000)
        let all = try await database.exportPage(after: nil, limit: 10_000)
        #expect(all.count == 6_088)
        var listed = 0
        for record in all.prefix(50) {
            let events = try await database.history(record.id).auditEvents
            #expect(events.count == 1 && events.first?.rows.contains(record.rowReference) == true)
            listed += events.count
        }
        #expect(listed == 50)

        // The verifier pages through more than one page of rows (5,000 each).
        let intact = try await database.verifyAudit()
        #expect(intact.isIntact, "\(intact.problems.prefix(5))")
        #expect(intact.eventsChecked == 4 && intact.rowsChecked == 6_088)

        // Tampering is still named with its event after a bulk import.
        let event = try #require(try await database.history(sample.id).auditEvents.first?.sequence)
        let victims = try await database.exportPage(after: nil, limit: 3).filter { $0.id != sample.id }
        try test.sql("UPDATE identities SET prenoms = 'Eve' WHERE id = '\(sample.rowID)'")
        try test.sql("DELETE FROM identities WHERE id = '\(victims[0].rowID)'")
        let report2 = try await database.verifyAudit()
        #expect(report2.problems.contains(.alteredRow(table: .identities, id: sample.rowID, event: event)))
        #expect(
            report2.problems.contains { problem in
                if case .deletedRow(.identities, victims[0].rowID, _) = problem { return true }
                return false
            })
        #expect(report2.problems.count == 2)

        // Nor can the import event be trimmed to hide a row: its hash covers every row it lists.
        try test.sql("UPDATE audit_events SET row_refs = substr(row_refs, 1, 100) WHERE seq = \(event)")
        let report3 = try await database.verifyAudit()
        #expect(report3.problems.first == .alteredEvent(sequence: event))
        await database.close()
        try? FileManager.default.removeItem(at: file)
    }

    /// Imported ids are UUID version 7 and follow the import order (they append to the indexes keyed by id);
    /// the schema carries the indexes the searches use and not the two that no query reads.
    static func importedIDsAreTimeOrderedAndIndexesServeTheSearches(_ backend: TestBackend) async throws {
        let test = try TestDatabase.make(backend)
        let database = try await test.open()
        let file = try csv(count: 300)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await CSVImporter.run(path: file.path, into: database, actor: "bulk", batchSize: 100)
        let ids = try test.sql("SELECT id FROM identities ORDER BY created_at, nom_naissance").split(separator: "\n")
        #expect(ids.count == 300)
        #expect(ids.allSatisfy { $0.count == 36 && Array($0)[14] == "7" })
        // Batches are committed in order: every id of a batch sorts after every id of the batch before.
        let batches = try test.sql("SELECT created_at, min(id), max(id) FROM identities GROUP BY created_at ORDER BY 1")
            .split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
        for (earlier, later) in zip(batches, batches.dropFirst()) { #expect(earlier[2] < later[1]) }

        let indexes: String
        switch backend {
        case .sqlite:
            indexes = try test.sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'identities' AND sql IS NOT NULL ORDER BY name"
            )
        case .postgres:
            indexes = try test.sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'identities' AND indexname <> 'identities_pkey' ORDER BY 1"
            )
        }
        #expect(
            indexes.split(separator: "\n") == ["identities_birth_sex", "identities_matricule", "identities_name_keys"])
        #expect(try await database.search(.name("BULK-C"), limit: 5).contains { $0.traits.nomNaissance == "Bulk-C" })
        await database.close()
    }

    /// The import is killed after a few acknowledged batches: every line acknowledged is there after reopening,
    /// and the chain still verifies.
    static func killedImportKeepsAcknowledgedBatches(_ backend: TestBackend) async throws {
        let test = try TestDatabase.make(backend)
        let setup = try await test.open()
        await setup.close()
        let file = try csv(count: 200_000)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = try Tool.helper("store-crash-writer")
        process.arguments = test.crashWriterArguments + ["--import", file.path, "--batch", "500"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let handle = output.fileHandleForReading
        var text = ""
        while text.split(separator: "\n").count < 4 {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        text += String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it was killed")
        let lines = text.hasSuffix("\n") ? text.split(separator: "\n") : text.split(separator: "\n").dropLast()
        let last = try #require(lines.last?.split(separator: " "), "no batch acknowledged")
        // "imported <count> through-line <line>"
        let acknowledged = try #require(Int(last[1]))
        let throughLine = try #require(Int(last[3]))
        #expect(acknowledged >= 2_000 && throughLine == acknowledged + 1)

        // The base was empty: on SQLite the import was an initial load, killed before it rebuilt the identity
        // indexes. The next open builds them again (they are derived from the rows).
        let secondary =
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'identities' AND sql IS NOT NULL ORDER BY 1"
        if backend == .sqlite { #expect(try test.sql(secondary).isEmpty, "the load kept its indexes") }
        let database = try await test.open()
        if backend == .sqlite {
            #expect(
                try test.sql(secondary).split(separator: "\n")
                    == ["identities_birth_sex", "identities_matricule", "identities_name_keys"])
            #expect(try test.sql("PRAGMA integrity_check") == "ok")
        }
        let stored = try #require(Int(try test.sql("SELECT count(*) FROM identities")))
        #expect(stored >= acknowledged && stored < 200_000)
        #expect(stored % 500 == 0, "a batch was half committed")
        // The acknowledged lines are exactly the first ones of the file.
        for index in [1, acknowledged / 2, acknowledged] {
            let found = try test.sql("SELECT count(*) FROM identities WHERE nom_naissance = 'Bulk-\(letters(index))'")
            #expect(found == "1", "line \(index + 1) lost")
        }
        let report = try await database.verifyAudit()
        #expect(report.isIntact, "audit after killed import: \(report.problems.prefix(5))")
        #expect(report.rowsChecked == stored)
        let middle = "Bulk-\(letters(acknowledged / 2))"
        #expect(try await database.search(.name(middle), limit: 5).contains { $0.traits.nomNaissance == middle })
        await database.close()
    }
}
