import Foundation
import PasserelleConfiguration

/// Human and JSON forms of a configuration report.
enum ConfigReportPresentation {
    static func printProblems(_ report: ConfigurationReport) {
        print("Configuration : \(report.file ?? "(aucune)")")
        guard !report.problems.isEmpty else {
            print("Aucun problème : la configuration est utilisable.")
            return
        }
        let errors = report.errors.count
        let warnings = report.warnings.count
        print("\(errors) erreur\(errors > 1 ? "s" : ""), \(warnings) avertissement\(warnings > 1 ? "s" : "")")
        for problem in report.problems {
            let label = problem.severity == .error ? "ERREUR       " : "AVERTISSEMENT"
            let key = problem.keyPath.isEmpty ? "(fichier)" : problem.keyPath
            let source = problem.sourceDescription.isEmpty ? "" : "  [\(problem.sourceDescription)]"
            print("")
            print("\(label)  \(key)\(source)")
            print("               \(problem.message)")
            print("               Correction : \(problem.fix)")
            print("               Détail technique : \(problem.technicalDetail) [config.\(problem.kind.rawValue)]")
        }
    }

    static func json(_ report: ConfigurationReport) -> [String: Any] {
        [
            "file": report.file ?? NSNull(), "ok": !report.hasErrors, "errors": report.errors.count,
            "warnings": report.warnings.count, "problems": report.problems.map(json),
        ]
    }

    static func json(_ problem: ConfigurationProblem) -> [String: Any] {
        var object: [String: Any] = [
            "keyPath": problem.keyPath, "severity": problem.severity.rawValue, "kind": problem.kind.rawValue,
            "message": problem.message, "fix": problem.fix, "technicalDetail": problem.technicalDetail,
        ]
        if let line = problem.line { object["line"] = line }
        if let variable = problem.environmentVariable { object["environmentVariable"] = variable }
        return object
    }

    static func json(_ entry: ConfigurationReport.Entry) -> [String: Any] {
        var object: [String: Any] = ["keyPath": entry.keyPath, "source": entry.source]
        if let value = entry.value { object["value"] = value }
        if let value = entry.defaultValue { object["default"] = value }
        if let line = entry.line { object["line"] = line }
        if let variable = entry.environmentVariable { object["environmentVariable"] = variable }
        return object
    }

    static func source(_ entry: ConfigurationReport.Entry) -> String {
        if let variable = entry.environmentVariable { return "  [\(variable)]" }
        if let line = entry.line { return "  [ligne \(line)]" }
        return ""
    }
}
