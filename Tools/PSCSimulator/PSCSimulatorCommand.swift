import ArgumentParser
import Foundation

/// `psc-sim`: a local Pro Santé Connect for tests and the demo (spec/psc.md §8). TEST keys only.
@main
struct PSCSimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psc-sim",
        abstract: "Simulateur local de Pro Santé Connect (TEST uniquement).",
        subcommands: [ServeCommand.self, CIBACommand.self],
        defaultSubcommand: ServeCommand.self)
}
