/// Every error Passerelle shows to someone carries two texts: a French sentence for the health professional
/// or referent who reads it, and an English technical detail for logs and programs. A stable `code` lets
/// programs branch without parsing either text.
public protocol PasserelleError: Error, Sendable, CustomStringConvertible {
    /// Stable machine-readable identifier, e.g. `matricule.key-mismatch`.
    var code: String { get }
    /// French sentence for people.
    var userMessage: String { get }
    /// English technical detail for programs and logs. Must never contain a PIN, a token or a full matricule.
    var technicalDetail: String { get }
}

extension PasserelleError {
    public var description: String { "\(code): \(technicalDetail)" }
}
