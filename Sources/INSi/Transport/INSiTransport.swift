/// What the client hands to the network: one SOAP POST. Kept as a protocol so the broker can swap the HTTP
/// stack, and so that a test can count that nothing was sent.
public protocol INSiTransport: Sendable {
    func send(_ request: INSiHTTPRequest) async throws(INSiError) -> INSiHTTPResponse
}

public struct INSiHTTPRequest: Sendable {
    public let url: String
    public let operation: INSiOperation
    public let body: [UInt8]
    public let timeout: Duration

    public init(url: String, operation: INSiOperation, body: [UInt8], timeout: Duration) {
        self.url = url
        self.operation = operation
        self.body = body
        self.timeout = timeout
    }
}

public struct INSiHTTPResponse: Sendable {
    public let status: Int
    public let body: [UInt8]
    /// Header names lower-cased.
    public let headers: [String: String]

    public init(status: Int, body: [UInt8], headers: [String: String]) {
        self.status = status
        self.body = body
        self.headers = headers
    }
}
