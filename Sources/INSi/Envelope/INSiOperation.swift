/// The two operations of WSDL 1.5.0; the action URI is both the HTTP `action` parameter and `wsa:Action`.
public enum INSiOperation: String, Sendable, Codable, CaseIterable {
    case rechercherAvecTraits = "rechercherInsAvecTraitsIdentite"
    case rechercherAvecCarteVitale = "rechercherInsAvecCarteVitale"

    public var action: String { "urn:ServiceIdentiteCertifiee:1.0.0:\(rawValue)" }

    public var contentType: String { "application/soap+xml; charset=utf-8; action=\"\(action)\"" }
}
