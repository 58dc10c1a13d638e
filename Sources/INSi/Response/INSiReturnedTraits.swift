import INS

/// The TIQ block: the traits INSi holds for the person, already in INSi lexical form.
public struct INSiReturnedTraits: Sendable, Hashable {
    public let nomNaissance: String
    /// The list of birth given names (`ListePrenom`, or `Prenom` in older answers), space separated.
    public let prenoms: String
    /// Whether the answer used `ListePrenom` (live answers) or only `Prenom`.
    public let prenomsFromList: Bool
    public let sexe: Sexe
    public let naissance: BirthDate
    public let lieuNaissance: BirthPlace?

    public var premierPrenom: String { String(prenoms.split(separator: " ").first ?? "") }
}
