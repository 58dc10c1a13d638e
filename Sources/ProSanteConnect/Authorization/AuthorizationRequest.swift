import Foundation

/// A started browser login: the URL to open, and what must come back. Only `url` leaves the process.
public struct AuthorizationRequest: Sendable {
    public let url: String
    public let state: String
    let nonce: String
    let codeVerifier: String
    let redirectURI: String
    let createdAt: Date
}
