import ProSanteConnect

/// One "situation d'exercice": a profession (exercice) at one place and mode of practice (activity).
public struct Situation: Sendable, Equatable, Codable {
    public var codeProfession: String?
    public var codeCategorieProfessionnelle: String?
    public var codeSavoirFaire: String?
    public var nomDexercice: String?
    public var prenomDexercice: String?
    public var codeModeExercice: String?
    public var codeSecteurDactivite: String?
    public var codeRole: String?
    public var raisonSocialeSite: String?
    public var identifiantTechniqueDeLaStructure: String?
    public var numeroFinessSite: String?
    public var numeroSiretSite: String?

    /// Every exercice × activity of the record; an exercice without activity still counts as one situation.
    static func candidates(_ record: SubjectRefPro?) -> [Situation] {
        guard let record else { return [] }
        var result: [Situation] = []
        for exercice in record.exercices {
            let base = Situation(
                codeProfession: exercice.codeProfession,
                codeCategorieProfessionnelle: exercice.codeCategorieProfessionnelle,
                codeSavoirFaire: exercice.codeSavoirFaire, nomDexercice: exercice.nomDexercice,
                prenomDexercice: exercice.prenomDexercice)
            if exercice.activities.isEmpty { result.append(base) }
            for activity in exercice.activities {
                var situation = base
                situation.codeModeExercice = activity.codeModeExercice
                situation.codeSecteurDactivite = activity.codeSecteurDactivite
                situation.codeRole = activity.codeRole
                situation.raisonSocialeSite = activity.raisonSocialeSite
                situation.identifiantTechniqueDeLaStructure = activity.identifiantTechniqueDeLaStructure
                situation.numeroFinessSite = activity.numeroFinessSite
                situation.numeroSiretSite = activity.numeroSiretSite
                result.append(situation)
            }
        }
        return result
    }

    /// French label for the choice page.
    var label: String {
        let place = raisonSocialeSite ?? identifiantTechniqueDeLaStructure ?? "structure non renseignée"
        let profession = codeProfession.map { "profession \($0)" } ?? "profession non renseignée"
        let speciality = codeSavoirFaire.map { ", savoir-faire \($0)" } ?? ""
        return "\(place) — \(profession)\(speciality)"
    }

    /// The `situation_exercice` claim: non-empty fields only.
    var claim: [String: String] {
        let pairs: [(String, String?)] = [
            ("codeProfession", codeProfession), ("codeCategorieProfessionnelle", codeCategorieProfessionnelle),
            ("codeSavoirFaire", codeSavoirFaire), ("nomDexercice", nomDexercice),
            ("prenomDexercice", prenomDexercice), ("codeModeExercice", codeModeExercice),
            ("codeSecteurDactivite", codeSecteurDactivite), ("codeRole", codeRole),
            ("raisonSocialeSite", raisonSocialeSite),
            ("identifiantTechniqueDeLaStructure", identifiantTechniqueDeLaStructure),
            ("numeroFinessSite", numeroFinessSite), ("numeroSiretSite", numeroSiretSite),
        ]
        var result: [String: String] = [:]
        for (name, value) in pairs { if let value, !value.isEmpty { result[name] = value } }
        return result
    }
}
