import Foundation

/// The query of the redirect back to the loopback URI.
public struct CallbackParameters: Sendable, Equatable {
    public var code: String?
    public var state: String?
    public var iss: String?
    public var error: String?
    public var errorDescription: String?

    public init(
        code: String? = nil, state: String? = nil, iss: String? = nil, error: String? = nil,
        errorDescription: String? = nil
    ) {
        self.code = code
        self.state = state
        self.iss = iss
        self.error = error
        self.errorDescription = errorDescription
    }

    /// Parses `code=…&state=…` or a whole URL. Duplicate parameters are refused (RFC 6749 §3.1).
    public init(query: String) throws(PSCError) {
        let raw = query.split(separator: "?", maxSplits: 1).last.map(String.init) ?? ""
        var seen: [String: String] = [:]
        for (name, value) in FormEncoding.decode(raw) {
            if seen[name] != nil { throw .malformedResponse(endpoint: "callback", detail: "duplicate \(name)") }
            seen[name] = value
        }
        self.init(
            code: seen["code"], state: seen["state"], iss: seen["iss"], error: seen["error"],
            errorDescription: seen["error_description"])
    }
}
