/// The five traits INS, as typed. `normalized()` gives the form INSi and the DataMatrix accept.
///
/// `prenoms` is the list of birth given names separated by spaces; a composed name keeps its hyphen
/// (`PIERRE-ALAIN`). The premier prénom is its first token.
public struct Traits: Hashable, Sendable, Codable {
    public var nomNaissance: String
    public var prenoms: String
    public var sexe: Sexe
    public var naissance: BirthDate
    public var lieuNaissance: BirthPlace?

    public init(nomNaissance: String, prenoms: String, sexe: Sexe, naissance: BirthDate, lieuNaissance: BirthPlace?) {
        self.nomNaissance = nomNaissance
        self.prenoms = prenoms
        self.sexe = sexe
        self.naissance = naissance
        self.lieuNaissance = lieuNaissance
    }

    /// Builds traits from command-line or API text, reporting the first invalid field.
    public init(
        nomNaissance: String, prenoms: String, sexe: String, naissance: String, lieuNaissance: String?
    ) throws(TraitError) {
        self.init(
            nomNaissance: nomNaissance, prenoms: prenoms, sexe: try Sexe(validating: sexe),
            naissance: try BirthDate(iso: naissance),
            lieuNaissance: try lieuNaissance.flatMap { text throws(TraitError) in
                text.trimmingSpaces.isEmpty ? nil : try BirthPlace(cog: text)
            })
    }

    /// The first birth given name, as typed.
    public var premierPrenom: String {
        String(prenoms.split(separator: " ", omittingEmptySubsequences: true).first ?? "")
    }

    /// The traits in INSi form, or the first lexical refusal.
    public func normalized() throws(LexicalError) -> NormalizedTraits {
        let nom = try LexicalNormalizer.normalize(nomNaissance, field: .nomNaissance)
        let prenoms = try LexicalNormalizer.normalize(prenoms, field: .prenoms)
        return NormalizedTraits(
            nomNaissance: nom, prenoms: prenoms, sexe: sexe, naissance: naissance, lieuNaissance: lieuNaissance)
    }
}

/// Traits that passed the lexical normaliser: only `A`–`Z`, space, `'` and `-`. The only way to build one from
/// typed text is `Traits.normalized()`; INSi answers use `init(validating:…)` which refuses non-normal text.
public struct NormalizedTraits: Hashable, Sendable, Codable {
    public let nomNaissance: String
    public let prenoms: String
    public let sexe: Sexe
    public let naissance: BirthDate
    public let lieuNaissance: BirthPlace?

    init(nomNaissance: String, prenoms: String, sexe: Sexe, naissance: BirthDate, lieuNaissance: BirthPlace?) {
        self.nomNaissance = nomNaissance
        self.prenoms = prenoms
        self.sexe = sexe
        self.naissance = naissance
        self.lieuNaissance = lieuNaissance
    }

    /// Accepts text that is already in normal form (e.g. read back from INSi or a DataMatrix); refuses anything
    /// the normaliser would change.
    public init(
        validating nomNaissance: String, prenoms: String, sexe: Sexe, naissance: BirthDate, lieuNaissance: BirthPlace?
    ) throws(LexicalError) {
        let nom = try LexicalNormalizer.normalize(nomNaissance, field: .nomNaissance)
        let list = try LexicalNormalizer.normalize(prenoms, field: .prenoms)
        guard nom == nomNaissance else {
            throw LexicalError(field: .nomNaissance, reason: .characterNotAllowed)
        }
        guard list == prenoms else { throw LexicalError(field: .prenoms, reason: .characterNotAllowed) }
        self.init(nomNaissance: nom, prenoms: list, sexe: sexe, naissance: naissance, lieuNaissance: lieuNaissance)
    }

    public var prenomList: [String] { prenoms.split(separator: " ").map(String.init) }
    public var premierPrenom: String { prenomList.first ?? prenoms }
}
