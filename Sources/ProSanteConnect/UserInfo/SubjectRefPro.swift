import Foundation

/// PSC's professional record (psc.md §5): civility and every "exercice" with its activities. Empty strings
/// become nil and unknown fields are kept in `otherFields`, so a new PSC field never breaks a login.
public struct SubjectRefPro: Sendable, Codable, Equatable {
    public var codeCivilite: String?
    public var exercices: [Exercice]

    public init(codeCivilite: String? = nil, exercices: [Exercice] = []) {
        self.codeCivilite = codeCivilite
        self.exercices = exercices
    }

    enum CodingKeys: String, CodingKey {
        case codeCivilite, exercices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        codeCivilite = container.lenientString(.codeCivilite)
        exercices = container.lenientArray(.exercices, of: Exercice.self)
    }

    /// True when PSC sent the record without any usable content.
    public var isEmpty: Bool { codeCivilite == nil && exercices.isEmpty }
}

/// One profession exercised by the professional ("situation d'exercice" candidates hang below it).
public struct Exercice: Sendable, Codable, Equatable {
    public var codeProfession: String?
    public var codeCategorieProfessionnelle: String?
    public var codeCiviliteDexercice: String?
    public var nomDexercice: String?
    public var prenomDexercice: String?
    public var codeTypeSavoirFaire: String?
    public var codeSavoirFaire: String?
    public var activities: [Activity]

    public init(
        codeProfession: String? = nil, nomDexercice: String? = nil, prenomDexercice: String? = nil,
        activities: [Activity] = []
    ) {
        self.codeProfession = codeProfession
        self.nomDexercice = nomDexercice
        self.prenomDexercice = prenomDexercice
        self.activities = activities
    }

    enum CodingKeys: String, CodingKey {
        case codeProfession, codeCategorieProfessionnelle, codeCiviliteDexercice, nomDexercice, prenomDexercice
        case codeTypeSavoirFaire, codeSavoirFaire, activities
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        codeProfession = container.lenientString(.codeProfession)
        codeCategorieProfessionnelle = container.lenientString(.codeCategorieProfessionnelle)
        codeCiviliteDexercice = container.lenientString(.codeCiviliteDexercice)
        nomDexercice = container.lenientString(.nomDexercice)
        prenomDexercice = container.lenientString(.prenomDexercice)
        codeTypeSavoirFaire = container.lenientString(.codeTypeSavoirFaire)
        codeSavoirFaire = container.lenientString(.codeSavoirFaire)
        activities = container.lenientArray(.activities, of: Activity.self)
    }
}

/// One place and mode of practice: the unit the user picks as "situation d'exercice".
public struct Activity: Sendable, Codable, Equatable {
    public var codeModeExercice: String?
    public var codeSecteurDactivite: String?
    public var codeSectionPharmacien: String?
    public var codeRole: String?
    public var codeGenreActivite: String?
    public var numeroSiretSite: String?
    public var numeroSirenSite: String?
    public var numeroFinessSite: String?
    public var numeroFinessetablissementJuridique: String?
    public var identifiantTechniqueDeLaStructure: String?
    public var raisonSocialeSite: String?
    public var enseigneCommercialeSite: String?
    public var telephone: String?
    public var adresseEMail: String?
    public var codeDepartement: String?
    public var autoriteDenregistrement: String?
    /// Address lines and any field PSC adds later, non-empty values only.
    public var otherFields: [String: String]

    static let knownKeys: Set<String> = [
        "codeModeExercice", "codeSecteurDactivite", "codeSectionPharmacien", "codeRole", "codeGenreActivite",
        "numeroSiretSite", "numeroSirenSite", "numeroFinessSite", "numeroFinessetablissementJuridique",
        "identifiantTechniqueDeLaStructure", "raisonSocialeSite", "enseigneCommercialeSite", "telephone",
        "adresseEMail", "codeDepartement", "autoriteDenregistrement",
    ]

    public init(raisonSocialeSite: String? = nil, identifiantTechniqueDeLaStructure: String? = nil) {
        self.raisonSocialeSite = raisonSocialeSite
        self.identifiantTechniqueDeLaStructure = identifiantTechniqueDeLaStructure
        self.otherFields = [:]
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        func field(_ name: String) -> String? { container.lenientString(AnyKey(stringValue: name)) }
        codeModeExercice = field("codeModeExercice")
        codeSecteurDactivite = field("codeSecteurDactivite")
        codeSectionPharmacien = field("codeSectionPharmacien")
        codeRole = field("codeRole")
        codeGenreActivite = field("codeGenreActivite")
        numeroSiretSite = field("numeroSiretSite")
        numeroSirenSite = field("numeroSirenSite")
        numeroFinessSite = field("numeroFinessSite")
        numeroFinessetablissementJuridique = field("numeroFinessetablissementJuridique")
        identifiantTechniqueDeLaStructure = field("identifiantTechniqueDeLaStructure")
        raisonSocialeSite = field("raisonSocialeSite")
        enseigneCommercialeSite = field("enseigneCommercialeSite")
        telephone = field("telephone")
        adresseEMail = field("adresseEMail")
        codeDepartement = field("codeDepartement")
        autoriteDenregistrement = field("autoriteDenregistrement")
        var others: [String: String] = [:]
        for key in container.allKeys where !Self.knownKeys.contains(key.stringValue) {
            if let value = container.lenientString(key) { others[key.stringValue] = value }
        }
        otherFields = others
    }
}
