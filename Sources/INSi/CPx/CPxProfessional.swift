/// The professional on whose behalf a CPx call is made: what goes into the assertion PS and `Emetteur`.
public struct CPxProfessional: Sendable, Hashable, Codable {
    /// National id (CN of the card certificate, e.g. `899700000013`): Subject/NameID and Emetteur.
    public var nationalID: String
    public var identifiantFacturation: String
    /// e.g. `SA07` (cabinet libéral).
    public var secteurActivite: String
    /// Specialty code, mandatory for doctors (e.g. `SM54`).
    public var specialite: String?

    public init(nationalID: String, identifiantFacturation: String, secteurActivite: String, specialite: String?) {
        self.nationalID = nationalID
        self.identifiantFacturation = identifiantFacturation
        self.secteurActivite = secteurActivite
        self.specialite = specialite
    }
}
