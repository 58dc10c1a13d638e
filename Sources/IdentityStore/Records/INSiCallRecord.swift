import Foundation

/// The trace of one INSi call, raw XML included: what was asked, what came back, by whom, how long it took.
public struct INSiCallRecord: Hashable, Sendable, Codable {
    /// How the call ended, as far as the store is concerned.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case found
        case notFound = "not-found"
        case multiple
        case fault
        /// INSi answered with a matricule whose key is wrong: flagged, never stored as valid.
        case keyMismatch = "key-mismatch"
        case verificationOK = "verification-ok"
        case verificationKO = "verification-ko"
    }

    public let id: UUID
    public let identityID: UUID?
    /// `tlsm` (organisation certificate) or `cpx` (card), as the INSi client names it.
    public let mode: String
    /// RECSANSVITALE, RECVITALE, …
    public let operation: String
    public let messageID: String
    public let requestXML: String
    public let responseXML: String
    /// The CR code of the answer (00, 01, 02…), when there was one.
    public let resultCode: String?
    /// The SOAP fault text, when there was one.
    public let fault: String?
    public let durationMilliseconds: Int
    public let operatorID: String
    public let outcome: Outcome
    public let at: Timestamp

    public init(
        id: UUID, identityID: UUID?, mode: String, operation: String, messageID: String, requestXML: String,
        responseXML: String, resultCode: String?, fault: String?, durationMilliseconds: Int, operatorID: String,
        outcome: Outcome, at: Timestamp
    ) {
        self.id = id
        self.identityID = identityID
        self.mode = mode
        self.operation = operation
        self.messageID = messageID
        self.requestXML = requestXML
        self.responseXML = responseXML
        self.resultCode = resultCode
        self.fault = fault
        self.durationMilliseconds = durationMilliseconds
        self.operatorID = operatorID
        self.outcome = outcome
        self.at = at
    }
}

extension INSiCallRecord: AuditedRow {
    static var table: RecordTable { .insiCalls }
    var rowID: String { id.lowercaseText }
}
