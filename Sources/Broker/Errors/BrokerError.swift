import INS

/// Every refusal of the broker outside the OAuth wire format. Each case maps to one HTTP status and one stable
/// problem `type`; no case ever carries a PIN, a token or a secret in its detail.
public enum BrokerError: PasserelleError, Equatable {
    /// Settings that cannot work or would be insecure (non-loopback bind, bad issuer…).
    case configuration(String)
    /// `Host` not in the allow-list (DNS rebinding).
    case hostNotAllowed(String)
    /// `Origin` not registered for the calling app.
    case originNotAllowed(String)
    /// State change with a body that is not JSON (or not one of the form routes).
    case unsupportedMediaType(String)
    /// Page form without a valid CSRF token.
    case csrfMismatch
    /// Too many attempts on a login or PIN route.
    case rateLimited(retryAfter: Int)
    /// Bearer token missing, unknown, expired or revoked.
    case unauthorized(String)
    /// Token valid but its app lacks the scope.
    case insufficientScope(String)
    /// Route does not exist.
    case notFound(String)
    /// Malformed request body or parameters.
    case badRequest(String)
    /// App registry: unknown client, duplicate id, invalid registration.
    case unknownApp(String)
    case invalidRegistration(String)
    /// Data directory, key file or socket problems.
    case storage(String)
    /// The admin socket cannot be reached (is `passerelle serve` running?).
    case adminUnavailable(String)

    public var code: String {
        switch self {
        case .configuration: "broker.configuration"
        case .hostNotAllowed: "broker.host-not-allowed"
        case .originNotAllowed: "broker.origin-not-allowed"
        case .unsupportedMediaType: "broker.unsupported-media-type"
        case .csrfMismatch: "broker.csrf"
        case .rateLimited: "broker.rate-limited"
        case .unauthorized: "broker.unauthorized"
        case .insufficientScope: "broker.insufficient-scope"
        case .notFound: "broker.not-found"
        case .badRequest: "broker.bad-request"
        case .unknownApp: "broker.apps.unknown"
        case .invalidRegistration: "broker.apps.invalid"
        case .storage: "broker.storage"
        case .adminUnavailable: "broker.admin-unavailable"
        }
    }

    public var userMessage: String {
        switch self {
        case .configuration: "La configuration du service de connexion est incorrecte."
        case .hostNotAllowed: "Cette adresse n'est pas celle du service de connexion du poste : requête refusée."
        case .originNotAllowed: "Cette application n'est pas autorisée à appeler le service de connexion."
        case .unsupportedMediaType: "Format de requête refusé : seules les requêtes JSON sont acceptées."
        case .csrfMismatch: "La page a expiré ou ne provient pas du service de connexion. Rechargez-la."
        case .rateLimited(let seconds): "Trop de tentatives. Réessayez dans \(seconds) secondes."
        case .unauthorized: "Authentification requise : le jeton est absent, expiré ou révoqué."
        case .insufficientScope: "Cette application n'a pas le droit d'accéder à cette ressource."
        case .notFound: "Ressource introuvable."
        case .badRequest: "Requête incorrecte."
        case .unknownApp: "Application inconnue."
        case .invalidRegistration: "L'enregistrement de l'application est incorrect."
        case .storage: "Le stockage du service de connexion est inaccessible."
        case .adminUnavailable:
            "Le service de connexion (passerelle serve) ne répond pas sur son socket d'administration."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .configuration(let detail): "configuration: \(detail)"
        case .hostNotAllowed(let host): "Host header \(host) is not in the allow-list"
        case .originNotAllowed(let origin): "Origin \(origin) is not registered for this app"
        case .unsupportedMediaType(let type): "state-changing request with content type \(type)"
        case .csrfMismatch: "missing or mismatching CSRF token"
        case .rateLimited(let seconds): "rate limit exceeded, retry after \(seconds) s"
        case .unauthorized(let detail): "unauthorized: \(detail)"
        case .insufficientScope(let scope): "token lacks scope \(scope)"
        case .notFound(let path): "no route for \(path)"
        case .badRequest(let detail): "bad request: \(detail)"
        case .unknownApp(let id): "no app registered as \(id)"
        case .invalidRegistration(let detail): "invalid registration: \(detail)"
        case .storage(let detail): "storage: \(detail)"
        case .adminUnavailable(let detail): "admin socket: \(detail)"
        }
    }

    /// HTTP status of the problem document.
    public var status: Int {
        switch self {
        case .configuration, .storage: 500
        case .hostNotAllowed, .originNotAllowed, .csrfMismatch, .insufficientScope: 403
        case .unsupportedMediaType: 415
        case .rateLimited: 429
        case .unauthorized: 401
        case .notFound, .unknownApp: 404
        case .badRequest, .invalidRegistration: 400
        case .adminUnavailable: 503
        }
    }
}
