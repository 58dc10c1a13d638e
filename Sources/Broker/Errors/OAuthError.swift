/// An OAuth 2.0 / OIDC error on the wire (RFC 6749 §5.2, OIDC Core §3.1.2.6, CIBA §11/§13). The token, CIBA
/// and authorize endpoints answer in this shape because relying-party libraries branch on `error`.
struct OAuthError: Error, Sendable, Equatable {
    var error: String
    var description: String
    var status: Int = 400

    static func invalidRequest(_ detail: String) -> OAuthError { .init(error: "invalid_request", description: detail) }
    static func invalidClient(_ detail: String) -> OAuthError {
        .init(error: "invalid_client", description: detail, status: 401)
    }
    static func invalidGrant(_ detail: String) -> OAuthError { .init(error: "invalid_grant", description: detail) }
    static func unauthorizedClient(_ detail: String) -> OAuthError {
        .init(error: "unauthorized_client", description: detail)
    }
    static func unsupportedGrantType(_ detail: String) -> OAuthError {
        .init(error: "unsupported_grant_type", description: detail)
    }
    static func invalidScope(_ detail: String) -> OAuthError { .init(error: "invalid_scope", description: detail) }
    static func invalidToken(_ detail: String) -> OAuthError {
        .init(error: "invalid_token", description: detail, status: 401)
    }
    static func accessDenied(_ detail: String) -> OAuthError { .init(error: "access_denied", description: detail) }

    /// The French sentence shown in pages and in the problem `title` of the hybrid answer.
    var frenchTitle: String {
        switch error {
        case "invalid_client": "Application non reconnue ou secret incorrect."
        case "invalid_grant": "Autorisation invalide, expirée ou déjà utilisée."
        case "invalid_scope": "Droits demandés non autorisés pour cette application."
        case "invalid_token": "Jeton absent, expiré ou révoqué."
        case "unsupported_grant_type": "Type d'autorisation non pris en charge."
        case "unauthorized_client": "Cette application n'a pas le droit d'utiliser ce mode de connexion."
        case "access_denied": "Connexion refusée."
        case "authorization_pending": "Connexion en attente de validation."
        case "slow_down": "Interrogations trop fréquentes."
        case "expired_token": "La demande de connexion a expiré."
        case "login_required": "Connexion requise."
        default: "Requête de connexion incorrecte."
        }
    }
}
