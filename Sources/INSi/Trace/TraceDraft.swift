import Foundation

/// Collects the pieces of an `INSiTrace` while a call runs.
struct TraceDraft {
    let mode: INSiMode
    let operation: INSiOperation
    let messageID: String
    let endpoint: String
    let requestXML: String
    let startedAt: Date
    let operatorID: String?
    let attempt: Int
    var responseXML: String?
    var httpStatus: Int?
    var codeCR: String?
    var fault: INSiFault?
    var errorCode: String?
    var duration: Duration = .zero
    var outcome: INSiTrace.Outcome = .transportError

    init(
        mode: INSiMode, operation: INSiOperation, messageID: String, endpoint: String, requestXML: String,
        startedAt: Date, operatorID: String?, attempt: Int
    ) {
        self.mode = mode
        self.operation = operation
        self.messageID = messageID
        self.endpoint = endpoint
        self.requestXML = requestXML
        self.startedAt = startedAt
        self.operatorID = operatorID
        self.attempt = attempt
    }

    mutating func response(_ response: INSiHTTPResponse) {
        responseXML = String(decoding: response.body, as: UTF8.self)
        httpStatus = response.status
    }

    mutating func finish(elapsed: Duration, answer: INSiAnswer) {
        duration = elapsed
        codeCR = answer.codeCR
        outcome =
            switch answer.code {
            case .found: .found
            case .notFound: .notFound
            case .multiple: .multiple
            case .other: .otherCR
            }
    }

    mutating func finish(elapsed: Duration, error: INSiError) {
        duration = elapsed
        errorCode = error.code
        switch error {
        case .fault(let fault):
            self.fault = fault
            outcome = .fault
        case .httpStatus: outcome = .httpError
        case .malformedResponse: outcome = .malformedResponse
        default: outcome = .transportError
        }
    }

    var trace: INSiTrace {
        let (seconds, attoseconds) = duration.components
        return INSiTrace(
            mode: mode, operation: operation, messageID: messageID, endpoint: endpoint, requestXML: requestXML,
            responseXML: responseXML, httpStatus: httpStatus, codeCR: codeCR, fault: fault, errorCode: errorCode,
            startedAt: startedAt, durationMilliseconds: Double(seconds) * 1000 + Double(attoseconds) / 1e15,
            operatorID: operatorID, outcome: outcome, attempt: attempt)
    }
}
