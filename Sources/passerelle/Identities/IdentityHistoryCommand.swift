import ArgumentParser
import IdentityStore

struct IdentityHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Status changes, evidence, INSi calls and audit events of one identity.")

    @Argument(help: "Identity id (UUID).")
    var id: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let uuid = try identityID(id, json: global.json)
        let history = try await store.withDatabase(global) { database throws(StoreError) in
            try await database.history(uuid)
        }
        if global.json {
            Output.printJSON([
                "identity": IdentityExporter.jsonObject(history.identity),
                "statusChanges": history.statusChanges.map { change in
                    [
                        "at": change.at.iso8601, "from": change.from.status.rawValue, "to": change.to.status.rawValue,
                        "reason": change.reason, "actor": change.actor,
                    ]
                },
                "evidence": history.evidence.map { evidence in
                    [
                        "at": evidence.checkedAt.iso8601, "kind": evidence.kindID, "checkedBy": evidence.checkedBy,
                        "reference": evidence.documentReference ?? "",
                    ]
                },
                "insiCalls": history.insiCalls.map { call in
                    [
                        "at": call.at.iso8601, "operation": call.operation, "messageID": call.messageID,
                        "outcome": call.outcome.rawValue, "operator": call.operatorID,
                    ]
                },
                "audit": history.auditEvents.map { event in
                    [
                        "seq": event.sequence, "at": event.at.iso8601, "action": event.action.rawValue,
                        "actor": event.actor, "summary": event.summary,
                    ] as [String: Any]
                },
            ])
            return
        }
        IdentityPresentation.show(history.identity, json: false)
        print("\nHistorique :")
        for event in history.auditEvents {
            print(
                "  #\(event.sequence)  \(event.at.iso8601)  \(event.actor)  \(event.action.rawValue)  \(event.summary)")
        }
    }
}
