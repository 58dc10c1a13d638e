import ArgumentParser

struct IdentitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identities",
        abstract: "The identity base: create, search, qualify, import/export, history and audit verification.",
        subcommands: [
            CreateIdentityCommand.self, ShowIdentityCommand.self, SearchIdentitiesCommand.self,
            DuplicatesCommand.self, ImportIdentitiesCommand.self, ExportIdentitiesCommand.self,
            QualifyIdentityCommand.self, IdentityHistoryCommand.self, AuditVerifyCommand.self,
        ]
    )
}
