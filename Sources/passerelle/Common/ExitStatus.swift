import ArgumentParser
import INS

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exit codes of design.md §8.
enum ExitStatus {
    static let negativeAnswer = ExitCode(1)
    static let badInput = ExitCode(2)
    static let dependencyUnavailable = ExitCode(3)
}

/// Prints a refusal the way every command does — French sentence for the person, English detail for the
/// record — and returns the exit code to throw.
func report(_ error: any PasserelleError, json: Bool, exit: ExitCode = ExitStatus.badInput) -> ExitCode {
    if json {
        Output.printJSON([
            "error": ["code": error.code, "message": error.userMessage, "detail": error.technicalDetail]
        ])
    } else {
        Output.printError("Erreur : \(error.userMessage)\nDétail technique : \(error.technicalDetail) [\(error.code)]")
    }
    return exit
}
