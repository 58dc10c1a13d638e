import INS

/// Everything that can go wrong with an INSi call, typed so that the API, the CLI and the broker can tell a
/// refusal of the input (nothing was sent) from a refusal by INSi from an unavailable service.
public enum INSiError: PasserelleError, Equatable {
    /// The traits were refused locally: nothing reached the network.
    case invalidTraits(TraitError)
    /// INSi answered with a SOAP fault.
    case fault(INSiFault)
    /// Connection refused, reset or dropped, timeout, DNS: the request may not have been processed.
    case transport(String)
    /// The TLS handshake failed: server not trusted, wrong name, or our certificate refused.
    case tls(String)
    /// HTTP status other than 200 without a SOAP fault.
    case httpStatus(Int)
    /// The answer is not a SOAP envelope this client understands.
    case malformedResponse(String)
    /// The circuit breaker is open after repeated technical failures.
    case serviceUnavailable(retryAfterSeconds: Int)
    /// Local configuration (certificate, passphrase file, endpoint) is unusable.
    case configuration(String)
    /// The assertion PS could not be signed (card removed, PIN not verified…).
    case signing(String)
    /// The call happened but its trace could not be stored: the answer is not used.
    case traceNotStored(String)

    public var code: String {
        switch self {
        case .invalidTraits(let error): error.code
        case .fault(let fault): "insi.fault.\(fault.detailCode ?? fault.subcode ?? fault.code)"
        case .transport: "insi.transport"
        case .tls: "insi.tls"
        case .httpStatus(let status): "insi.http-\(status)"
        case .malformedResponse: "insi.malformed-response"
        case .serviceUnavailable: "insi.unavailable"
        case .configuration: "insi.configuration"
        case .signing: "insi.signing"
        case .traceNotStored: "insi.trace"
        }
    }

    public var userMessage: String {
        switch self {
        case .invalidTraits(let error): error.userMessage
        case .fault(let fault): fault.userMessage
        case .transport:
            "Le service INSi n'a pas pu être joint (connexion impossible, interrompue ou trop lente)."
        case .tls:
            "La connexion sécurisée au service INSi a échoué : le serveur n'est pas reconnu ou le certificat de l'établissement est refusé."
        case .httpStatus(let status):
            "Le service INSi a répondu par une erreur HTTP \(status) : il est peut-être indisponible."
        case .malformedResponse: "La réponse du service INSi est illisible : aucune donnée n'a été enregistrée."
        case .serviceUnavailable(let seconds):
            "Service INSi indisponible : trop d'échecs techniques récents, nouvel essai possible dans \(seconds) s."
        case .configuration: "La configuration INSi est incomplète ou invalide."
        case .signing: "La signature de l'assertion par la carte CPx a échoué."
        case .traceNotStored: "L'appel INSi n'a pas pu être tracé : son résultat n'est pas utilisé."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .invalidTraits(let error): error.technicalDetail
        case .fault(let fault): fault.technicalDetail
        case .transport(let detail): "transport failure: \(detail)"
        case .tls(let detail): "TLS failure: \(detail)"
        case .httpStatus(let status): "HTTP status \(status) without a SOAP fault"
        case .malformedResponse(let detail): "malformed INSi response: \(detail)"
        case .serviceUnavailable(let seconds):
            "circuit breaker open after repeated technical failures; retry in \(seconds) s"
        case .configuration(let detail): "configuration: \(detail)"
        case .signing(let detail): "assertion signing failed: \(detail)"
        case .traceNotStored(let detail): "trace sink failed: \(detail)"
        }
    }

    /// Failures that say the service (or the path to it) is unwell: they feed the circuit breaker.
    public var isTechnical: Bool {
        switch self {
        case .transport, .tls, .malformedResponse: true
        case .httpStatus(let status): status >= 500
        case .fault(let fault): fault.isTechnical
        default: false
        }
    }

    /// Design.md §8 exit code 3 (a dependency unavailable) rather than 2 (bad input or refusal).
    public var meansUnavailable: Bool {
        switch self {
        case .serviceUnavailable, .signing: true
        default: isTechnical
        }
    }
}
