import INS

/// Any Passerelle error with the HTTP status it deserves: routes of other modules (the REST API) throw it and the
/// admission middleware answers the RFC 9457 problem document (`type` from `code`, French `title`/`detail`,
/// English `technicalDetail`).
public struct ProblemError: Error, Sendable {
    public let error: any PasserelleError
    public let status: Int

    public init(_ error: any PasserelleError, status: Int) {
        self.error = error
        self.status = status
    }
}
