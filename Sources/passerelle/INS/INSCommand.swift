import ArgumentParser

struct INSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ins",
        abstract: "INS tools: check a matricule, normalise traits, build the DataMatrix payload.",
        subcommands: [
            MatriculeCommand.self, NormalizeCommand.self, PayloadCommand.self, INSiSearchCommand.self,
            INSiVerifyCommand.self,
        ]
    )
}
