import ArgumentParser
import INS

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Show traits as INSi and the DataMatrix expect them, or why they are refused."
    )

    @Option(name: .long, help: "Nom de naissance.")
    var nom: String?

    @Option(name: .long, help: "Prénoms de naissance, space separated (quote them).")
    var prenoms: String?

    @Option(name: .long, help: "Sexe: M or F.")
    var sexe: String?

    @Option(name: .long, help: "Date de naissance YYYY-MM-DD (00 for an unknown day or month).")
    var naissance: String?

    @Option(name: .long, help: "COG code of the birthplace.")
    var lieu: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard nom != nil || prenoms != nil || sexe != nil || naissance != nil || lieu != nil else {
            throw ValidationError("give at least one of --nom, --prenoms, --sexe, --naissance, --lieu")
        }
    }

    func run() throws {
        var rows: [(String, String, String)] = []  // key, French caption, value
        do {
            if let nom {
                rows.append(
                    ("nomNaissance", "Nom de naissance", try LexicalNormalizer.normalize(nom, field: .nomNaissance)))
            }
            if let prenoms {
                let list = try LexicalNormalizer.normalize(prenoms, field: .prenoms)
                rows.append(("prenoms", "Prénoms de naissance", list))
                rows.append(("premierPrenom", "Premier prénom", String(list.split(separator: " ").first ?? "")))
            }
        } catch {
            throw report(TraitError.lexical(error), json: global.json)
        }
        do {
            if let sexe { rows.append(("sexe", "Sexe", try Sexe(validating: sexe).rawValue)) }
            if let naissance {
                let date = try BirthDate(iso: naissance)
                rows.append(("naissance", "Date de naissance", date.iso))
                if date.isIncomplete {
                    rows.append(("naissanceIncomplete", "Date incomplète", "oui (complétée selon le RNIV)"))
                }
            }
            if let lieu { rows.append(("lieu", "Lieu de naissance (COG)", try BirthPlace(cog: lieu).cog)) }
        } catch {
            throw report(error, json: global.json)
        }
        if global.json {
            var object: [String: Any] = [:]
            for (key, _, value) in rows { object[key] = key == "naissanceIncomplete" ? true as Any : value }
            Output.printJSON(object)
        } else {
            Output.printTable(rows.map { ($0.1, $0.2) })
        }
    }
}
