import ArgumentParser
import Foundation
import INS

/// Runs the whole product on the embedded default. Until the broker exists it is a self-check: it proves the
/// binary runs, prints the version and the DataMatrix payload of the spec's example identity, and the ready line.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the demo (self-check until the broker lands): version, example payload, ready line."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        do {
            let payload = try DemoIdentity.examplePayload()
            print("Passerelle \(PasserelleVersion.current) — démonstration")
            print("Identité d'exemple (qualifiée) : DUPONT-TESTEUR MARIE-CLAIRE ANNE, F, 14/03/1985, 75056")
            print("Charge utile DataMatrix INS (\(payload.bytes.count) octets) :")
            print(payload.visibleText)
            Output.printJSONLine(["ready": true, "version": PasserelleVersion.current, "selfCheck": "ok"])
        } catch {
            throw report(error, json: global.json, exit: ExitCode.failure)
        }
    }
}

enum DemoIdentity {
    static func examplePayload() throws(AnyPasserelleError) -> INSDataMatrixPayload {
        let typed: Traits
        do {
            typed = try Traits(
                nomNaissance: "Dupont-Testeur", prenoms: "Marie-Claire Anne", sexe: "F", naissance: "1985-03-14",
                lieuNaissance: "75056")
        } catch { throw AnyPasserelleError(error) }
        let traits: NormalizedTraits
        do { traits = try typed.normalized() } catch { throw AnyPasserelleError(error) }
        let matricule: Matricule
        do { matricule = try Matricule("285037505612306") } catch { throw AnyPasserelleError(error) }
        do {
            return try INSDataMatrixPayload(
                identifier: INSIdentifier(matricule: matricule, oid: .nir), traits: traits, status: .qualifiee)
        } catch {
            throw AnyPasserelleError(error)
        }
    }
}
