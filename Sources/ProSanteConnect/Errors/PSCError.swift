import INS

/// Every failure of the Pro Santé Connect client. Tokens never appear in `technicalDetail`.
public enum PSCError: PasserelleError, Equatable {
    /// The configuration cannot work (bad URL, unreadable PKCS#12, …).
    case configuration(String)
    /// PSC could not be reached or answered 5xx / timed out: exit code 3.
    case unavailable(endpoint: String, detail: String)
    /// PSC answered something that is not the expected JSON/JWT.
    case malformedResponse(endpoint: String, detail: String)
    /// The authorization endpoint (or the user) refused: `error` from the callback.
    case authorizationRefused(error: String, description: String?)
    /// The callback's `state` is unknown, already used or does not match.
    case stateMismatch
    /// RFC 9207: the callback's `iss` is missing or not the issuer.
    case issuerMismatch(String?)
    /// The token endpoint answered an OAuth error.
    case tokenRequestFailed(error: String, description: String?, status: Int)
    /// The ID token (or signed userinfo) was refused.
    case invalidToken(IDTokenFailure)
    /// Userinfo does not belong to the ID token's subject or misses SubjectNameID.
    case invalidUserInfo(String)
    /// CIBA outcomes.
    case cibaExpired
    case cibaDenied
    case cibaCancelled
    /// Token exchange succeeded but the token is not bound to our certificate.
    case certificateBindingMismatch(String)
    /// No usable session (not logged in, or refresh impossible).
    case noSession(String)

    public var code: String {
        switch self {
        case .configuration: "psc.configuration"
        case .unavailable: "psc.unavailable"
        case .malformedResponse: "psc.malformed-response"
        case .authorizationRefused(let error, _): "psc.authorization.\(error)"
        case .stateMismatch: "psc.state-mismatch"
        case .issuerMismatch: "psc.iss-mismatch"
        case .tokenRequestFailed(let error, _, _): "psc.token.\(error)"
        case .invalidToken(let failure): "psc.id-token.\(failure.codeSuffix)"
        case .invalidUserInfo: "psc.userinfo"
        case .cibaExpired: "psc.ciba.expired"
        case .cibaDenied: "psc.ciba.denied"
        case .cibaCancelled: "psc.ciba.cancelled"
        case .certificateBindingMismatch: "psc.token-exchange.cnf"
        case .noSession: "psc.no-session"
        }
    }

    public var userMessage: String {
        switch self {
        case .configuration:
            "La configuration Pro Santé Connect est incorrecte."
        case .unavailable:
            "Pro Santé Connect est momentanément indisponible. Réessayez dans quelques instants."
        case .malformedResponse:
            "Pro Santé Connect a renvoyé une réponse illisible. Réessayez ; si cela persiste, prévenez l'administrateur."
        case .authorizationRefused(let error, _):
            switch error {
            case "access_denied": "La connexion a été refusée ou annulée."
            case "login_required": "Vous devez vous authentifier auprès de Pro Santé Connect."
            case "consent_required": "Votre consentement est nécessaire pour poursuivre la connexion."
            default: "Pro Santé Connect a refusé la connexion."
            }
        case .stateMismatch, .issuerMismatch:
            "La réponse de connexion ne correspond à aucune demande en cours. Recommencez la connexion."
        case .tokenRequestFailed(let error, _, _):
            error == "invalid_grant"
                ? "La connexion a expiré ou a déjà été utilisée. Recommencez la connexion."
                : "Pro Santé Connect a refusé la demande de jeton."
        case .invalidToken:
            "L'identité renvoyée par Pro Santé Connect n'a pas pu être vérifiée. La connexion est refusée."
        case .invalidUserInfo:
            "Les informations du professionnel renvoyées par Pro Santé Connect sont incohérentes."
        case .cibaExpired:
            "La demande de connexion n'a pas été validée à temps. Recommencez."
        case .cibaDenied:
            "La demande de connexion a été refusée sur la carte ou l'application e-CPS."
        case .cibaCancelled:
            "La demande de connexion a été annulée."
        case .certificateBindingMismatch:
            "Le jeton obtenu pour le service national n'est pas lié au certificat de la structure."
        case .noSession:
            "Aucune session Pro Santé Connect n'est ouverte."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .configuration(let detail): "configuration: \(detail)"
        case .unavailable(let endpoint, let detail): "\(endpoint) unavailable: \(detail)"
        case .malformedResponse(let endpoint, let detail): "\(endpoint) answered malformed content: \(detail)"
        case .authorizationRefused(let error, let description):
            "authorization endpoint error \(error)" + (description.map { ": \($0)" } ?? "")
        case .stateMismatch: "callback state unknown, reused or mismatching"
        case .issuerMismatch(let iss): "callback iss \(iss ?? "<missing>") is not the issuer (RFC 9207)"
        case .tokenRequestFailed(let error, let description, let status):
            "token endpoint HTTP \(status) error \(error)" + (description.map { ": \($0)" } ?? "")
        case .invalidToken(let failure): "token rejected: \(failure.detail)"
        case .invalidUserInfo(let detail): "userinfo rejected: \(detail)"
        case .cibaExpired: "CIBA request expired (expired_token or expires_in elapsed)"
        case .cibaDenied: "CIBA request denied (access_denied)"
        case .cibaCancelled: "CIBA polling cancelled by the caller"
        case .certificateBindingMismatch(let detail): "cnf.x5t#S256 check failed: \(detail)"
        case .noSession(let detail): "no session: \(detail)"
        }
    }
}
