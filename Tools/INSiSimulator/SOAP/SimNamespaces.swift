/// The namespaces the simulator reads and writes (spec §4), spelled out here on purpose: the simulator is an
/// independent peer and shares no code with the client.
enum NS {
    static let soap = "http://www.w3.org/2003/05/soap-envelope"
    static let wsa = "http://www.w3.org/2005/08/addressing"
    static let lps = "urn:siram:lps:ctxlps"
    static let bam = "urn:siram:bam:ctxbam"
    static let wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    static let recSans = "http://www.cnamts.fr/INSiRecSans"
    static let recVit = "http://www.cnamts.fr/INSiRecVit"
    static let resultat = "http://www.cnamts.fr/INSiResultat"
    static let siram = "urn:siram"
    static let saml = "urn:oasis:names:tc:SAML:2.0:assertion"
    static let ds = "http://www.w3.org/2000/09/xmldsig#"
    static let actionTraits = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite"
    static let actionVitale = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale"
}
