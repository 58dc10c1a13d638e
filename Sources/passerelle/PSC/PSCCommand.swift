import ArgumentParser

/// `passerelle psc …`: log a professional in with Pro Santé Connect from the command line.
struct PSCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psc",
        abstract: "Pro Santé Connect: login (browser or CIBA), whoami, logout.",
        subcommands: [PSCLoginCommand.self, PSCWhoamiCommand.self, PSCLogoutCommand.self]
    )
}
