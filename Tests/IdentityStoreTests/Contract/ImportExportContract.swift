import Foundation
import INS
import Testing

@testable import IdentityStore

enum ImportExportContract {
    static func importReportsBadLinesAndKeepsGoodOnes(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let fixture = try #require(
            Bundle.module.url(forResource: "mixed", withExtension: "csv", subdirectory: "Fixtures"))
        let progress = ProgressLog()
        let report = try await CSVImporter.run(path: fixture.path, into: database, actor: "import", batchSize: 2) {
            progress.append($0)
        }
        #expect(report.imported == 5)
        let rejected = report.errors.map { "\($0.line):\($0.field)" }
        #expect(
            rejected == [
                "4:nom", "5:naissance", "7:matricule", "8:sexe", "9:naissance", "11:prenoms", "13:oid", "14:lieu",
            ])
        #expect(report.errors.first?.code == "traits.lexical.digit")
        #expect(report.errors[2].code == "matricule.key-mismatch")
        #expect(progress.last?.imported == 5 && progress.last?.bytesRead == progress.last?.totalBytes)
        #expect(try await database.search(.name("O'BRIEN"), limit: 5).first?.normalized.prenoms == "SEAN")
        #expect(try await database.verifyAudit().isIntact)
        await database.close()
    }

    static func exportsJSONLinesAndFHIRBundle(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let qualified = try await database.create(NewIdentity(traits: try Sample.traits()), actor: "a")
        _ = try await database.attachINSiResult(qualified.id, Sample.result(), actor: "a")
        _ = try await database.addEvidence(qualified.id, NewEvidence(kindID: "passeport"), actor: "a")
        _ = try await database.create(
            NewIdentity(traits: try Sample.traits("Martin", "Paul", naissance: "1990-05-05")), actor: "a")

        var lines = ""
        let count = try await IdentityExporter.run(.jsonLines, from: database, actor: "a") { lines += $0 }
        #expect(count == 2)
        let objects = try lines.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(Set(objects.compactMap { $0["status"] as? String }) == ["QUAL", "PROV"])

        var bundle = ""
        _ = try await IdentityExporter.run(.fhirBundle, from: database, actor: "a") { bundle += $0 }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bundle.utf8)) as? [String: Any])
        let entries = try #require(parsed["entry"] as? [[String: Any]])
        #expect(parsed["resourceType"] as? String == "Bundle" && entries.count == 2)
        let identifiers = entries.compactMap { ($0["resource"] as? [String: Any])?["identifier"] as? [[String: Any]] }
        #expect(identifiers.flatMap { $0 }.compactMap { $0["value"] as? String } == [Sample.matricule])
        let history = try await database.history(qualified.id)
        #expect(history.auditEvents.allSatisfy { $0.action != .export })
        #expect(try await database.verifyAudit().isIntact)
        await database.close()
    }
}

/// Collects progress reports from the importer's callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [ImportProgress] = []

    func append(_ report: ImportProgress) {
        lock.lock()
        reports.append(report)
        lock.unlock()
    }

    var last: ImportProgress? {
        lock.lock()
        defer { lock.unlock() }
        return reports.last
    }

    var all: [ImportProgress] {
        lock.lock()
        defer { lock.unlock() }
        return reports
    }
}
