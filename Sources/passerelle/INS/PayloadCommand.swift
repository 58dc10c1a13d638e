import ArgumentParser
import Foundation
import INS

struct PayloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payload",
        abstract: "Build the INS DataMatrix payload of a qualified identity (GS shown as <GS>; --raw for bytes)."
    )

    @Option(name: .long, help: "Matricule INS (15 characters).")
    var matricule: String

    @Option(name: .long, help: "OID of the matricule.")
    var oid: String

    @OptionGroup var traits: TraitsOptions

    @Flag(name: .long, help: "Write the raw payload bytes (GS = 0x1D) to standard output.")
    var raw = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let payload: INSDataMatrixPayload
        do {
            payload = try build(matricule: matricule, oid: oid, traits: traits)
        } catch {
            throw report(error, json: global.json)
        }
        if raw {
            FileHandle.standardOutput.write(Data(payload.bytes))
        } else if global.json {
            Output.printJSON(["payload": payload.visibleText, "length": payload.bytes.count])
        } else {
            print(payload.visibleText)
        }
    }
}

/// The command line stands for a referent who asserts the identity is qualified: the payload builder still
/// enforces every INS rule (key, OID, lexical form).
func build(matricule: String, oid: String, traits options: TraitsOptions) throws(AnyPasserelleError)
    -> INSDataMatrixPayload
{
    let identifier: INSIdentifier
    do { identifier = try INSIdentifier(matricule: matricule, oid: oid) } catch { throw AnyPasserelleError(error) }
    let traits: NormalizedTraits
    do { traits = try options.normalizedTraits() } catch { throw AnyPasserelleError(error) }
    do {
        return try INSDataMatrixPayload(identifier: identifier, traits: traits, status: .qualifiee)
    } catch {
        throw AnyPasserelleError(error)
    }
}
