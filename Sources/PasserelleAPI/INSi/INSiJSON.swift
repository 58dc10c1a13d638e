import Foundation
import INSi

/// The answer of `POST /api/v1/insi/search`. The app receives the matricule exactly as INSi returned it and
/// whether its key is right; the search id lets the referent attach this exact answer to an identity.
enum INSiJSON {
    static func search(_ stored: INSiLedger.StoredSearch) -> [String: Any] {
        let outcome = stored.outcome
        var object: [String: Any] = [
            "searchId": stored.id.uuidString.lowercased(),
            "result": result(outcome.result),
            "attempts": outcome.attempts.map { attempt in
                [
                    "prenom": attempt.query.prenom, "withBirthplace": attempt.query.lieuNaissance != nil,
                    "cr": attempt.codeCR, "discardedBecause": APIJSON.optional(attempt.discardedBecause),
                ] as [String: Any]
            },
            "calls": stored.traces.map { trace in
                [
                    "messageId": trace.messageID, "cr": APIJSON.optional(trace.codeCR),
                    "outcome": trace.outcome.rawValue, "durationMs": Int(trace.durationMilliseconds.rounded()),
                ] as [String: Any]
            },
        ]
        if let individu = outcome.individu {
            let traits = individu.traits
            object["individu"] =
                [
                    "matricule": individu.active.returnedValue, "oid": individu.active.oid.rawValue,
                    "keyValid": individu.active.isKeyValid, "historyCount": individu.history.count,
                    "traits": [
                        "nomNaissance": traits.nomNaissance, "prenoms": traits.prenoms,
                        "premierPrenom": traits.premierPrenom, "sexe": traits.sexe.rawValue,
                        "naissance": traits.naissance.iso,
                        "lieuNaissance": APIJSON.optional(traits.lieuNaissance?.cog),
                    ],
                ] as [String: Any]
        }
        return object
    }

    static func result(_ result: INSiSearchOutcome.Result) -> String {
        switch result {
        case .found: "found"
        case .notFound: "not-found"
        case .multiple: "multiple"
        }
    }
}
