import ArgumentParser
import Foundation
import IdentityStore

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-verify",
        abstract: "Walk the hash-chained audit log and check every row against it (exit 1 if anything is wrong).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let result = try await store.withDatabase(global) { database throws(StoreError) in
            try await database.verifyAudit()
        }
        if global.json {
            Output.printJSON([
                "intact": result.isIntact, "events": result.eventsChecked, "rows": result.rowsChecked,
                "head": ["seq": result.head.sequence, "hash": result.head.hash] as [String: Any],
                "problems": result.problems.map { problem in
                    ["event": problem.eventSequence.map { $0 as Any } ?? NSNull(), "problem": problem.description]
                },
            ])
        } else if result.isIntact {
            print(
                "Journal d'audit intact : \(result.eventsChecked) événement(s), \(result.rowsChecked) ligne(s) vérifiée(s)."
            )
            print("Tête de chaîne : #\(result.head.sequence) \(result.head.hash)")
        } else {
            print("Journal d'audit ALTÉRÉ : \(result.problems.count) anomalie(s). Première : \(result.problems[0])")
            for problem in result.problems.prefix(100) { print("  - \(problem)") }
        }
        if !result.isIntact { throw ExitStatus.negativeAnswer }
    }
}
