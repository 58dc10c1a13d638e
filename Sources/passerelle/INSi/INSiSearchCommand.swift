import ArgumentParser
import INS
import INSi

/// `passerelle ins search`: the CNDA search strategy against the configured INSi endpoint.
struct INSiSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search INSi by traits (one prénom per call, then all, then the COG). Exit 0 found, 1 not found.")

    @OptionGroup var traits: TraitsOptions
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("operateur"), help: "Who triggers the call (recorded in the trace).")
    var operatorID: String?

    func run() async throws {
        let normalized: NormalizedTraits
        do { normalized = try traits.normalizedTraits() } catch { throw report(error, json: global.json) }
        let session: INSiSession
        do { session = try await INSiSession.open(global) } catch {
            throw report(error, json: global.json, exit: insiExitCode(for: error))
        }
        let outcome: INSiSearchOutcome
        do {
            outcome = try await session.client.search(normalized, operatorID: operatorID)
        } catch {
            await session.close()
            throw report(error, json: global.json, exit: insiExitCode(for: error))
        }
        await session.close()
        INSiPresentation.show(outcome, json: global.json)
        if outcome.identifier == nil { throw ExitStatus.negativeAnswer }
    }
}
