import Foundation
import INS
import IdentityStore

/// How identities look on the terminal and in `--json`.
enum IdentityPresentation {
    static func show(_ record: IdentityRecord, json: Bool) {
        if json {
            Output.printJSON(IdentityExporter.jsonObject(record))
            return
        }
        var rows: [(String, String)] = [
            ("Identifiant", record.id.uuidString.lowercased()),
            ("Statut", "\(record.state.status.label) (\(record.state.status.rawValue))"),
            ("Nom de naissance", "\(record.traits.nomNaissance)  [\(record.normalized.nomNaissance)]"),
            ("Prénoms", "\(record.traits.prenoms)  [\(record.normalized.prenoms)]"),
            ("Sexe", record.traits.sexe.rawValue),
            (
                "Date de naissance",
                record.traits.naissance.french + (record.traits.naissance.isIncomplete ? " (incomplète)" : "")
            ),
            ("Lieu de naissance", record.traits.lieuNaissance?.cog ?? "—"),
        ]
        if let nom = record.nomUtilise { rows.append(("Nom utilisé", nom)) }
        if let prenom = record.prenomUtilise { rows.append(("Prénom utilisé", prenom)) }
        let attributes = record.state.attributes.sorted().map(\.label)
        rows.append(("Attributs", attributes.isEmpty ? "—" : attributes.joined(separator: ", ")))
        rows.append(("Matricule INS", record.ins.map { "\($0.matricule.grouped) (\($0.oid.label))" } ?? "—"))
        Output.printTable(rows)
    }

    static func line(_ record: IdentityRecord) -> String {
        let t = record.traits
        return [
            record.id.uuidString.lowercased(), record.state.status.rawValue, t.nomNaissance, t.prenoms,
            t.sexe.rawValue, t.naissance.iso, t.lieuNaissance?.cog ?? "-",
        ].joined(separator: "  ")
    }

    static func list(_ records: [IdentityRecord], json: Bool) {
        if json {
            Output.printJSON(records.map(IdentityExporter.jsonObject))
        } else if records.isEmpty {
            print("Aucune identité trouvée.")
        } else {
            for record in records { print(line(record)) }
        }
    }
}
