import ArgumentParser

/// `passerelle config check|show`: the configuration file as passerelle reads it.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check or show the configuration (passerelle.yaml and PASSERELLE_* overrides).",
        subcommands: [ConfigCheckCommand.self, ConfigShowCommand.self]
    )
}
