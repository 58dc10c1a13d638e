import ArgumentParser
import INS

struct MatriculeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matricule",
        abstract: "Check a matricule INS (syntax and key); NIR or NIA is only known from --oid."
    )

    @Argument(help: "The 15 characters (13-character body + 2-digit key); spaces are ignored.")
    var matricule: String

    @Option(name: .long, help: "OID of the matricule (1.2.250.1.213.1.4.8 NIR, …4.9 NIA, …4.10 test, …4.11 demo).")
    var oid: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let inspection: MatriculeInspection
        do { inspection = try MatriculeInspection(matricule) } catch {
            throw report(error, json: global.json)
        }
        let parsedOID: INSOID?
        do { parsedOID = try oid.map { text throws(INSOIDError) in try INSOID(validating: text) } } catch {
            throw report(error, json: global.json)
        }
        do {
            let checked = try inspection.verified()
            show(checked, oid: parsedOID)
        } catch {
            throw report(error, json: global.json)
        }
    }

    private func show(_ matricule: Matricule, oid: INSOID?) {
        if global.json {
            var object: [String: Any] = [
                "matricule": matricule.value, "body": matricule.body, "key": matricule.key, "keyValid": true,
            ]
            if let oid {
                object["oid"] = oid.rawValue
                object["type"] = oid.label
            }
            Output.printJSON(object)
            return
        }
        Output.printTable([
            ("Matricule INS", matricule.grouped),
            ("Clé", "\(matricule.value.suffix(2)) (correcte)"),
            ("Type", oid.map { "\($0.label) (\($0.rawValue))" } ?? "non précisé : NIR ou NIA selon l'OID (--oid)"),
        ])
    }
}
