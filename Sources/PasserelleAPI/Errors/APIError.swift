import INS

/// Refusals of the REST API itself (the domain errors of the store, INSi, DataMatrix and tagging keep their own
/// codes and are mapped to a status by `ProblemMapping`).
public enum APIError: PasserelleError, Equatable {
    /// The body is not the JSON object the route expects (syntax, missing or mistyped member).
    case invalidBody(String)
    /// A path or query parameter is malformed.
    case invalidParameter(name: String, reason: String)
    /// INSi is not configured on this workstation.
    case insiNotConfigured
    /// The INSi search id is unknown or expired.
    case unknownSearch(String)
    /// A DataMatrix or a label needs a qualified identity with its INS.
    case notQualified(status: String)
    /// An INSi verification needs an identity that holds an INS (RECUP, QUAL).
    case noINS(status: String)
    /// The uploaded document is too large.
    case documentTooLarge(limit: Int)

    public var code: String {
        switch self {
        case .invalidBody: "api.invalid-body"
        case .invalidParameter: "api.invalid-parameter"
        case .insiNotConfigured: "api.insi-not-configured"
        case .unknownSearch: "api.insi-search-unknown"
        case .notQualified: "api.identity-not-qualified"
        case .noINS: "api.identity-without-ins"
        case .documentTooLarge: "api.document-too-large"
        }
    }

    public var userMessage: String {
        switch self {
        case .invalidBody: "Le contenu de la requête est incorrect."
        case .invalidParameter(let name, let reason): "Le paramètre « \(name) » est incorrect : \(reason)."
        case .insiNotConfigured: "Le téléservice INSi n'est pas configuré sur ce poste."
        case .unknownSearch:
            "Cette recherche INSi est inconnue ou trop ancienne : relancez la recherche avant de rattacher le résultat."
        case .notQualified(let status):
            "Le DataMatrix INS n'est produit que pour une identité qualifiée (statut actuel : \(status))."
        case .noINS(let status):
            "Cette identité n'a pas encore d'INS à vérifier (statut actuel : \(status)) : récupérez-le d'abord auprès d'INSi."
        case .documentTooLarge(let limit): "Le document dépasse la taille maximale acceptée (\(limit / 1_048_576) Mo)."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .invalidBody(let detail): "invalid JSON body: \(detail)"
        case .invalidParameter(let name, let reason): "parameter \(name): \(reason)"
        case .insiNotConfigured: "no insi section in the configuration"
        case .unknownSearch(let id): "no INSi search \(id) (unknown or expired)"
        case .notQualified(let status): "identity status is \(status), a DataMatrix needs QUAL and an INS"
        case .noINS(let status): "identity status is \(status) and it holds no INS to verify"
        case .documentTooLarge(let limit): "document larger than \(limit) bytes"
        }
    }

    var status: Int {
        switch self {
        case .invalidBody, .invalidParameter: 400
        case .insiNotConfigured: 503
        case .unknownSearch: 404
        case .notQualified, .noINS: 409
        case .documentTooLarge: 413
        }
    }
}
