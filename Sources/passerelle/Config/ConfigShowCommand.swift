import ArgumentParser
import PasserelleConfiguration

/// The effective configuration: every key with its value and where it comes from (file line, environment variable
/// or default). Secret values never appear: the file only names the files holding them, and a database password
/// written in a URL is masked.
struct ConfigShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the effective configuration (value and source of every key, secrets masked)."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Also list the keys left to their default.")
    var all = false

    func run() async throws {
        let report = await ConfigurationCheck.run(explicitPath: global.config)
        if report.file == nil || report.problems.contains(where: { $0.kind == .noFile || $0.kind == .syntax }) {
            if global.json {
                Output.printJSON(ConfigReportPresentation.json(report))
            } else {
                ConfigReportPresentation.printProblems(report)
            }
            throw ExitStatus.badInput
        }
        let entries = report.entries.filter { all || $0.value != nil }
        if global.json {
            Output.printJSON([
                "file": report.file ?? "", "errors": report.errors.count, "warnings": report.warnings.count,
                "keys": entries.map(ConfigReportPresentation.json),
            ])
            return
        }
        print("Configuration : \(report.file ?? "")")
        Output.printTable(
            entries.map { entry in
                let value = entry.value ?? "(défaut) \(entry.defaultValue ?? "aucune valeur")"
                return (entry.keyPath, value + ConfigReportPresentation.source(entry))
            })
        if report.hasErrors {
            Output.printError(
                "Attention : \(report.errors.count) erreur(s) dans la configuration ; "
                    + "lancez « passerelle config check » pour les corriger.")
        }
    }
}
