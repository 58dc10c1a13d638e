import INS

/// Type-erased `PasserelleError`, for command paths that combine several typed errors.
struct AnyPasserelleError: PasserelleError {
    let base: any PasserelleError
    init(_ base: any PasserelleError) { self.base = base }
    var code: String { base.code }
    var userMessage: String { base.userMessage }
    var technicalDetail: String { base.technicalDetail }
}

/// Runs a step that throws one typed error and erases it.
func erasing<T, E: PasserelleError>(_ body: () throws(E) -> T) throws(AnyPasserelleError) -> T {
    do { return try body() } catch { throw AnyPasserelleError(error) }
}
