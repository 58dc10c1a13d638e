/// Why an ID token (or a signed userinfo) was refused. Each case is a separate test in the suite.
public enum IDTokenFailure: Sendable, Equatable {
    case malformed(String)
    case unsupportedAlgorithm(String)
    case unknownKey(kid: String?)
    case badSignature
    case wrongIssuer(String)
    case wrongAudience
    case wrongAuthorizedParty
    case expired
    case issuedInFuture
    case notYetValid
    case nonceMismatch
    case acrNotAccepted(String?)
    case missingClaim(String)

    var detail: String {
        switch self {
        case .malformed(let why): "malformed JWT: \(why)"
        case .unsupportedAlgorithm(let alg): "algorithm \(alg) is not accepted"
        case .unknownKey(let kid): "no JWKS key for kid \(kid ?? "<none>") even after a refetch"
        case .badSignature: "signature does not verify"
        case .wrongIssuer(let iss): "iss \(iss) is not the configured issuer"
        case .wrongAudience: "aud does not contain the client id"
        case .wrongAuthorizedParty: "azp is not the client id"
        case .expired: "exp is in the past (beyond the allowed skew)"
        case .issuedInFuture: "iat is in the future (beyond the allowed skew)"
        case .notYetValid: "nbf is in the future (beyond the allowed skew)"
        case .nonceMismatch: "nonce does not match the one sent"
        case .acrNotAccepted(let acr): "acr \(acr ?? "<missing>") is not in the accepted set"
        case .missingClaim(let name): "required claim \(name) is missing"
        }
    }

    var codeSuffix: String {
        switch self {
        case .malformed: "malformed"
        case .unsupportedAlgorithm: "algorithm"
        case .unknownKey: "unknown-key"
        case .badSignature: "signature"
        case .wrongIssuer: "issuer"
        case .wrongAudience: "audience"
        case .wrongAuthorizedParty: "azp"
        case .expired: "expired"
        case .issuedInFuture: "iat"
        case .notYetValid: "nbf"
        case .nonceMismatch: "nonce"
        case .acrNotAccepted: "acr"
        case .missingClaim: "missing-claim"
        }
    }
}
