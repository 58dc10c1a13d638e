import INS

/// One RECSANSVITALE call: the normalised nom, sexe and date, **one** prénom field (a single given name or,
/// for the last strategy steps, several joined by spaces) and optionally the COG.
public struct TraitsQuery: Sendable, Hashable, Codable {
    public let nomNaissance: String
    public let prenom: String
    public let sexe: Sexe
    public let naissance: BirthDate
    public let lieuNaissance: BirthPlace?

    public init(traits: NormalizedTraits, prenom: String, includeBirthplace: Bool) {
        self.nomNaissance = traits.nomNaissance
        self.prenom = prenom
        self.sexe = traits.sexe
        self.naissance = traits.naissance
        self.lieuNaissance = includeBirthplace ? traits.lieuNaissance : nil
    }

    /// The `RECSANSVITALE` element, schema order.
    var bodyXML: String {
        var xml = "<rec:RECSANSVITALE xmlns:rec=\"\(INSiNamespace.recherche)\">"
        xml += "<rec:NomNaissance>\(XMLText.escapeText(nomNaissance))</rec:NomNaissance>"
        xml += "<rec:Prenom>\(XMLText.escapeText(prenom))</rec:Prenom>"
        xml += "<rec:Sexe>\(sexe.rawValue)</rec:Sexe>"
        xml += "<rec:DateNaissance>\(naissance.iso)</rec:DateNaissance>"
        if let lieuNaissance { xml += "<rec:LieuNaissance>\(lieuNaissance.cog)</rec:LieuNaissance>" }
        return xml + "</rec:RECSANSVITALE>"
    }
}
