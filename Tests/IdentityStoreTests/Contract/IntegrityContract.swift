import Foundation
import INS
import Testing

@testable import IdentityStore

#if canImport(Glibc)
    import Glibc
#endif

/// Tampering, crashes and concurrent writers, on both back ends.
enum IntegrityContract {
    static func tamperedRowsAreReportedWithTheirEvent(_ backend: TestBackend) async throws {
        let test = try TestDatabase.make(backend)
        let database = try await test.open()
        let edited = try await database.create(NewIdentity(traits: try Sample.traits("Alpha", "Anne")), actor: "a")
        let deleted = try await database.create(NewIdentity(traits: try Sample.traits("Beta", "Bruno")), actor: "a")
        let editedEvent = try #require(try await database.history(edited.id).auditEvents.last?.sequence)
        let deletedEvent = try #require(try await database.history(deleted.id).auditEvents.last?.sequence)
        #expect(try await database.verifyAudit().isIntact)

        try test.sql("UPDATE identities SET nom_naissance = 'ALPHO' WHERE id = '\(edited.rowID)'")
        try test.sql("DELETE FROM identities WHERE id = '\(deleted.rowID)'")
        let report = try await database.verifyAudit()
        #expect(report.problems.first == .alteredRow(table: .identities, id: edited.rowID, event: editedEvent))
        #expect(report.problems.contains(.deletedRow(table: .identities, id: deleted.rowID, event: deletedEvent)))
        #expect(!report.isIntact)
        await database.close()
    }

    static func tamperedAuditEventsAreReportedExactly(_ backend: TestBackend) async throws {
        // Edited event: its own hash no longer matches.
        try await scenario(backend) { test, _ in
            try test.sql("UPDATE audit_events SET summary = 'nothing happened' WHERE seq = 2")
        } expect: { report in
            report.problems.first == .alteredEvent(sequence: 2)
        }
        // Edited event with a recomputed hash: the next link breaks.
        try await scenario(backend) { test, database in
            let events = try await database.backend.select(AuditEvent.self, where: "seq = 2", [])
            let event = try #require(events.first)
            let forged = AuditEvent(
                sequence: 2, at: event.at, actor: "intruder", action: event.action, entityID: event.entityID,
                summary: event.summary, rows: event.rows, previousHash: event.previousHash, hash: "")
            let hash = AuditEvent.computeHash(previousHash: event.previousHash, fields: forged.canonicalFields)
            try test.sql("UPDATE audit_events SET actor = 'intruder', hash = '\(hash)' WHERE seq = 2")
        } expect: { report in
            report.problems.first == .brokenLink(sequence: 3)
        }
        // Deleted event in the middle: the gap is named.
        try await scenario(backend) { test, _ in
            try test.sql("DELETE FROM audit_events WHERE seq = 2")
        } expect: { report in
            report.problems.first == .missingEvents(after: 1, next: 3)
        }
        // Deleted tail: the head row still knows.
        try await scenario(backend) { test, _ in
            try test.sql("DELETE FROM audit_events WHERE seq = 3")
        } expect: { report in
            report.problems.first == .headMismatch(headSequence: 3, lastSequence: 2)
        }
    }

    private static func scenario(
        _ backend: TestBackend, tamper: (TestDatabase, IdentityDatabase) async throws -> Void,
        expect check: (AuditReport) -> Bool
    ) async throws {
        let test = try TestDatabase.make(backend)
        let database = try await test.open()
        for name in ["Un", "Deux", "Trois"] {
            _ = try await database.create(NewIdentity(traits: try Sample.traits(name, "Test")), actor: "a")
        }
        try await tamper(test, database)
        let report = try await database.verifyAudit()
        #expect(check(report), "unexpected report: \(report.problems)")
        await database.close()
    }

    static func killedWriterLosesNoAcknowledgedWrite(_ backend: TestBackend) async throws {
        let test = try TestDatabase.make(backend)
        // Create the schema first so the writer starts writing at once.
        let setup = try await test.open()
        await setup.close()
        let writer = try Tool.helper("store-crash-writer")
        let process = Process()
        process.executableURL = writer
        process.arguments = test.crashWriterArguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let handle = output.fileHandleForReading
        var text = ""
        while text.split(separator: "\n").count < 40 {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        text += String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // Only complete lines were acknowledged.
        let lines = text.hasSuffix("\n") ? text.split(separator: "\n") : text.split(separator: "\n").dropLast()
        #expect(lines.count >= 40)

        let database = try await test.open()
        for line in lines {
            let parts = line.split(separator: " ")
            let id = try #require(UUID(uuidString: String(parts[1])))
            let record = try await database.identity(id)
            if parts[0] == "status" { #expect(record.state.status == .validee) }
        }
        let report = try await database.verifyAudit()
        #expect(report.isIntact, "audit after crash: \(report.problems)")
        await database.close()
    }

    static func concurrentWritersLoseNoUpdate(_ backend: TestBackend) async throws {
        let test = try TestDatabase.make(backend)
        let first = try await test.open()
        let second = try await test.open()
        let shared = try await first.create(NewIdentity(traits: try Sample.traits("Partage", "Commun")), actor: "a")
        // Two connections add evidence to the same identity at once: every read-modify-write must see the other's.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for database in [first, second] {
                group.addTask {
                    for _ in 0..<25 {
                        _ = try await database.addEvidence(shared.id, NewEvidence(kindID: "carte-vitale"), actor: "w")
                    }
                }
            }
            try await group.waitForAll()
        }
        let history = try await first.history(shared.id)
        #expect(history.evidence.count == 50)
        #expect(history.identity.version == 51)

        // Two processes append to the same chain.
        let writer = try Tool.helper("store-crash-writer")
        let processes = try ["A", "B"].map { tag in
            let process = Process()
            process.executableURL = writer
            process.arguments = test.crashWriterArguments + ["--count", "20", "--tag", tag]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(try await first.search(.name("CRASH"), limit: 100).count == 40)
        let report = try await first.verifyAudit()
        #expect(report.isIntact, "audit after concurrent writers: \(report.problems)")
        await first.close()
        await second.close()
    }
}
