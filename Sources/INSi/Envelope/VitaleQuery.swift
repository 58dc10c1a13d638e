import INS

/// One RECVITALE call: the data read from a carte Vitale. Element names follow the INSiRecVit schema as far as
/// public copies show it (`MatriculeIndividu`, `MatriculeOD`, `NomNaissance`, `Prenom`, `DateNaissance`,
/// `RangGemellaire`); they must be re-checked against the official XSD before qualification.
public struct VitaleQuery: Sendable, Hashable, Codable {
    /// NIR of the ouvrant droit (13-character body) as on the card.
    public let nirOuvrantDroit: String
    /// NIR of the beneficiary when the card carries one.
    public let nirIndividu: String?
    public let nomNaissance: String?
    public let prenom: String?
    public let naissance: BirthDate
    public let rangGemellaire: Int?

    public init(
        nirOuvrantDroit: String, nirIndividu: String?, nomNaissance: String?, prenom: String?, naissance: BirthDate,
        rangGemellaire: Int?
    ) {
        self.nirOuvrantDroit = nirOuvrantDroit
        self.nirIndividu = nirIndividu
        self.nomNaissance = nomNaissance
        self.prenom = prenom
        self.naissance = naissance
        self.rangGemellaire = rangGemellaire
    }

    var bodyXML: String {
        var xml = "<vit:RECVITALE xmlns:vit=\"\(INSiNamespace.rechercheVitale)\">"
        if let nirIndividu {
            xml += "<vit:MatriculeIndividu><vit:NumIdentifiant>\(XMLText.escapeText(nirIndividu))"
            xml += "</vit:NumIdentifiant></vit:MatriculeIndividu>"
        }
        xml += "<vit:MatriculeOD><vit:NumIdentifiant>\(XMLText.escapeText(nirOuvrantDroit))"
        xml += "</vit:NumIdentifiant></vit:MatriculeOD>"
        if let nomNaissance { xml += "<vit:NomNaissance>\(XMLText.escapeText(nomNaissance))</vit:NomNaissance>" }
        if let prenom { xml += "<vit:Prenom>\(XMLText.escapeText(prenom))</vit:Prenom>" }
        xml += "<vit:DateNaissance>\(naissance.iso)</vit:DateNaissance>"
        if let rangGemellaire { xml += "<vit:RangGemellaire>\(rangGemellaire)</vit:RangGemellaire>" }
        return xml + "</vit:RECVITALE>"
    }
}
