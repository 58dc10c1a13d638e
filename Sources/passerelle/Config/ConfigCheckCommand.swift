import ArgumentParser
import PasserelleConfiguration

/// Lists every problem of the configuration at once. Exit 0 when there is no error (warnings allowed), 2 otherwise.
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every problem of the configuration with its key path and a fix (exit 2 on errors)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let report = await ConfigurationCheck.run(explicitPath: global.config)
        if global.json {
            Output.printJSON(ConfigReportPresentation.json(report))
        } else {
            ConfigReportPresentation.printProblems(report)
        }
        if report.hasErrors { throw ExitStatus.badInput }
    }
}
