import Foundation

/// The record of one INSi call, exactly as exchanged: the RNIV requires every call to be traced (request,
/// response, who, when). Raw XML holds matricules: a sink stores it like the identity itself, never in logs.
public struct INSiTrace: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable {
        case found
        case notFound
        case multiple
        case otherCR
        case fault
        case httpError
        case transportError
        case malformedResponse
    }

    public let mode: INSiMode
    public let operation: INSiOperation
    /// `uuid:…` as sent in `wsa:MessageID`.
    public let messageID: String
    public let endpoint: String
    public let requestXML: String
    /// Nil when nothing came back (connection failure).
    public let responseXML: String?
    public let httpStatus: Int?
    public let codeCR: String?
    public let fault: INSiFault?
    /// Error code (`INSiError.code`) for failures.
    public let errorCode: String?
    public let startedAt: Date
    public let durationMilliseconds: Double
    /// Who triggered the call (operator login or `auto`).
    public let operatorID: String?
    public let outcome: Outcome
    /// 1 for the first try, 2… for transport retries of the same query.
    public let attempt: Int
}
