/// Namespace URIs of the INSi contract (WSDL DESIR_ICIR_EXP_1.5.0).
public enum INSiNamespace {
    public static let soapEnvelope = "http://www.w3.org/2003/05/soap-envelope"
    public static let addressing = "http://www.w3.org/2005/08/addressing"
    public static let contexteLPS = "urn:siram:lps:ctxlps"
    public static let contexteBAM = "urn:siram:bam:ctxbam"
    public static let wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    public static let recherche = "http://www.cnamts.fr/INSiRecSans"
    public static let rechercheVitale = "http://www.cnamts.fr/INSiRecVit"
    public static let resultat = "http://www.cnamts.fr/INSiResultat"
    public static let siram = "urn:siram"
    public static let saml = "urn:oasis:names:tc:SAML:2.0:assertion"
    public static let xmldsig = "http://www.w3.org/2000/09/xmldsig#"
}
