import ArgumentParser

@main
struct Passerelle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passerelle",
        abstract: "Local identity and authentication service for French health workstations.",
        discussion: """
            Exit codes: 0 success, 1 negative answer (not found, KO), 2 bad input or refusal, \
            3 a dependency unavailable (PSC, INSi, card, database).
            """,
        version: PasserelleVersion.current,
        subcommands: [
            INSCommand.self, DataMatrixCommand.self, IdentitiesCommand.self, PSCCommand.self, CardCommand.self,
            DemoCommand.self, ServeCommand.self, AppsCommand.self, KeysCommand.self, ConfigCommand.self,
            VersionCommand.self,
        ]
    )

    /// Lets `--config`, `--data-dir` and `--json` come before the subcommand (`passerelle --config F ins search`);
    /// ArgumentParser hands the values to the subcommand's own `GlobalOptions`.
    @OptionGroup var global: GlobalOptions
}
