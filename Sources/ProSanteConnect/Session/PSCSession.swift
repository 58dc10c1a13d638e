import Foundation

/// One logged-in professional: identity plus tokens. Codable so that the CLI can keep it in a 0600 file.
public struct PSCSession: Sendable, Codable, Equatable, CustomStringConvertible {
    public var identity: PSCIdentity
    public var tokens: PSCTokens
    /// "browser" or "ciba:CARD" / "ciba:MOBILE".
    public var method: String
    public var createdAt: Date

    public var description: String {
        "PSCSession(\(identity.subjectNameID), \(method), \(tokens))"
    }
}
