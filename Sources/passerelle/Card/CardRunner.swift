import ArgumentParser
import CPS
import INS

/// Opens the card, runs a command body, always lets the card go, and turns a failure into the §8 exit code:
/// 3 when no pcscd, reader or card is usable, 1 for a negative answer, 2 for a refusal (wrong PIN, last try…).
enum CardRunner {
    static func run(
        _ transport: CardTransportOptions, _ global: GlobalOptions,
        _ body: (OpenedCard) async throws(AnyPasserelleError) -> Void
    ) async throws {
        let opened: OpenedCard
        do {
            opened = try await CardConnector.open(transport, global: global)
        } catch {
            throw fail(error, json: global.json)
        }
        do {
            try await body(opened)
        } catch {
            await opened.close()
            throw fail(error, json: global.json)
        }
        await opened.close()
    }

    static func fail(_ error: any PasserelleError, json: Bool) -> ExitCode {
        report(error, json: json, exit: exitCode(error))
    }

    static func exitCode(_ error: any PasserelleError) -> ExitCode {
        if let erased = error as? AnyPasserelleError {
            return exitCode(erased.base)
        }
        if let card = error as? CPSError, card.isUnavailability {
            return ExitStatus.dependencyUnavailable
        }
        if let command = error as? CardCommandError, command == .signatureMismatch {
            return ExitStatus.negativeAnswer
        }
        return ExitStatus.badInput
    }
}
