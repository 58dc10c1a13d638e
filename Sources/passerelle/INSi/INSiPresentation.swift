import INS
import INSi

/// Human tables (French) and JSON for INSi results.
enum INSiPresentation {
    static func show(_ outcome: INSiSearchOutcome, json: Bool) {
        if json {
            Output.printJSON(object(outcome))
            return
        }
        var rows: [(String, String)] = []
        switch outcome.result {
        case .found(let individu):
            rows.append(("Résultat", "identité trouvée (CR 00)"))
            rows += rowsFor(individu)
        case .notFound: rows.append(("Résultat", "aucune identité trouvée (CR 01)"))
        case .multiple:
            rows.append(
                ("Résultat", "plusieurs identités trouvées (CR 02) : précisez les prénoms ou le lieu de naissance"))
        }
        let calls = outcome.attempts.map { attempt in
            attempt.query.prenom + (attempt.query.lieuNaissance.map { " + \($0.cog)" } ?? "") + " → " + attempt.codeCR
        }
        rows.append(("Appels INSi", calls.joined(separator: " ; ")))
        Output.printTable(rows)
        if let individu = outcome.individu, individu.hasKeyMismatch {
            Output.printError(
                "ATTENTION : la clé du matricule renvoyé par INSi est incorrecte (\(keyText(individu.active))) : "
                    + "cette identité ne doit pas être enregistrée comme valide.")
        }
    }

    private static func keyText(_ matricule: INSiMatricule) -> String {
        "clé \(matricule.inspection.givenKey) au lieu de \(matricule.inspection.expectedKey)"
    }

    private static func rowsFor(_ individu: INSiIndividu) -> [(String, String)] {
        let active = individu.active
        let traits = individu.traits
        var rows: [(String, String)] = [
            ("Matricule INS", active.returnedValue + (active.isKeyValid ? "" : " (CLÉ INCORRECTE)")),
            ("OID", "\(active.oid.rawValue) (\(active.oid.label))"),
            ("Nom de naissance", traits.nomNaissance),
            ("Prénoms de naissance", traits.prenoms),
            ("Sexe", traits.sexe.rawValue),
            ("Date de naissance", traits.naissance.french),
            ("Lieu de naissance (COG)", traits.lieuNaissance?.cog ?? "—"),
        ]
        for entry in individu.history {
            rows.append(("Historique (INSHISTO)", "\(entry.returnedValue) \(entry.oid.label)"))
        }
        return rows
    }

    static func object(_ outcome: INSiSearchOutcome) -> [String: Any] {
        var object: [String: Any] = [
            "attempts": outcome.attempts.map { attempt -> [String: Any] in
                var entry: [String: Any] = ["prenom": attempt.query.prenom, "codeCR": attempt.codeCR]
                if let lieu = attempt.query.lieuNaissance { entry["lieuNaissance"] = lieu.cog }
                if let reason = attempt.discardedBecause { entry["discarded"] = reason }
                return entry
            }
        ]
        switch outcome.result {
        case .found(let individu):
            object["result"] = "found"
            object["codeCR"] = "00"
            object["keyValid"] = !individu.hasKeyMismatch
            object["ins"] = matricule(individu.active)
            object["history"] = individu.history.map(matricule)
            let traits = individu.traits
            var traitsObject: [String: Any] = [
                "nomNaissance": traits.nomNaissance, "prenoms": traits.prenoms, "sexe": traits.sexe.rawValue,
                "dateNaissance": traits.naissance.iso,
            ]
            if let lieu = traits.lieuNaissance { traitsObject["lieuNaissance"] = lieu.cog }
            object["traits"] = traitsObject
        case .notFound:
            object["result"] = "notFound"
            object["codeCR"] = "01"
        case .multiple:
            object["result"] = "multiple"
            object["codeCR"] = "02"
        }
        return object
    }

    private static func matricule(_ entry: INSiMatricule) -> [String: Any] {
        [
            "matricule": entry.returnedValue, "oid": entry.oid.rawValue, "keyValid": entry.isKeyValid,
            "expectedKey": entry.inspection.expectedKey,
        ]
    }

    static func show(_ verification: INSiVerification, json: Bool) {
        if json {
            Output.printJSON([
                "status": verification.isOK ? "OK" : "KO",
                "differences": verification.differences.map {
                    ["field": $0.field.rawValue, "expected": $0.expected, "returned": $0.returned]
                },
                "search": object(verification.search),
            ])
            return
        }
        var rows: [(String, String)] = [("Vérification", verification.isOK ? "OK" : "KO")]
        for difference in verification.differences {
            rows.append((label(difference.field), "attendu \(difference.expected), INSi : \(difference.returned)"))
        }
        Output.printTable(rows)
    }

    private static func label(_ field: INSiVerification.Field) -> String {
        switch field {
        case .identity: "Identité"
        case .key: "Clé du matricule"
        case .matricule: "Matricule INS"
        case .oid: "OID"
        case .nomNaissance: "Nom de naissance"
        case .prenoms: "Prénoms de naissance"
        case .sexe: "Sexe"
        case .naissance: "Date de naissance"
        case .lieuNaissance: "Lieu de naissance"
        }
    }
}
