import ArgumentParser
import INS
import INSi

/// `passerelle ins verify`: traits search and field-by-field comparison with a known INS. Exit 0 OK, 1 KO.
struct INSiVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify an INS with INSi (traits search + comparison). Exit 0 OK, 1 KO.")

    @Option(help: "Matricule INS, 15 characters.") var matricule: String
    @Option(help: "OID of the matricule (1.2.250.1.213.1.4.8 NIR, .9 NIA, …).") var oid: String
    @OptionGroup var traits: TraitsOptions
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("operateur"), help: "Who triggers the call (recorded in the trace).")
    var operatorID: String?

    func run() async throws {
        let identifier: INSIdentifier
        do { identifier = try INSIdentifier(matricule: matricule, oid: oid) } catch {
            throw report(error, json: global.json)
        }
        let typed: Traits
        do {
            typed = try traits.traits()
            _ = try traits.normalizedTraits()
        } catch { throw report(error, json: global.json) }
        let session: INSiSession
        do { session = try await INSiSession.open(global) } catch {
            throw report(error, json: global.json, exit: insiExitCode(for: error))
        }
        let verification: INSiVerification
        do {
            verification = try await session.client.verify(identifier, traits: typed, operatorID: operatorID)
        } catch {
            await session.close()
            throw report(error, json: global.json, exit: insiExitCode(for: error))
        }
        await session.close()
        INSiPresentation.show(verification, json: global.json)
        if !verification.isOK { throw ExitStatus.negativeAnswer }
    }
}
