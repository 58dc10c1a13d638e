import Broker
import DataMatrix
import INS
import INSTagging
import INSi
import IdentityStore

/// The HTTP status of every domain error the API can meet. Bad input is 4xx; only a broken dependency or store
/// is 5xx (design.md: never a 500 for bad input).
enum ProblemMapping {
    static func problem(_ error: any Error) -> ProblemError {
        switch error {
        case let problem as ProblemError: return problem
        case let api as APIError: return ProblemError(api, status: api.status)
        case let store as StoreError: return ProblemError(store, status: status(store))
        case let insi as INSiError: return ProblemError(insi, status: status(insi))
        case let tagging as INSTaggingError: return ProblemError(tagging, status: 422)
        case let matrix as DataMatrixError: return ProblemError(matrix, status: 422)
        case let payload as PayloadError: return ProblemError(payload, status: 409)
        case let traits as TraitError: return ProblemError(traits, status: 400)
        case let lexical as LexicalError: return ProblemError(lexical, status: 400)
        case let other as any PasserelleError: return ProblemError(other, status: 400)
        default: return ProblemError(APIError.invalidBody("\(type(of: error))"), status: 400)
        }
    }

    static func status(_ error: StoreError) -> Int {
        switch error {
        case .notFound: 404
        case .invalidTraits, .invalidINS, .invalidInput, .unknownEvidenceKind: 400
        case .refused, .traitsNotConfirmed: 409
        case .matriculeKeyMismatch: 502
        case .unavailable: 503
        case .corrupted: 500
        }
    }

    /// 400 for traits refused before any call; 503 when INSi cannot be reached (transport, TLS, 503, breaker open);
    /// 502 when it answered something unusable (fault, HTTP error, malformed answer).
    static func status(_ error: INSiError) -> Int {
        switch error {
        case .invalidTraits: 400
        case .transport, .tls, .serviceUnavailable, .signing, .configuration, .traceNotStored: 503
        case .fault, .httpStatus, .malformedResponse: 502
        }
    }
}

/// Runs a route body and turns any error into the problem document the admission middleware renders.
func mapped<Result>(_ body: () async throws -> Result) async throws(ProblemError) -> Result {
    do {
        return try await body()
    } catch {
        throw ProblemMapping.problem(error)
    }
}
