import Foundation

/// A pending browser authorization between the login page and the form post.
struct PendingAuthorization: Sendable {
    var clientID: String
    var redirectURI: String
    var state: String?
    var nonce: String?
    var codeChallenge: String
    var scope: String
    var createdAt: Date
}

/// What a code, an access token or a refresh token stands for.
struct Grant: Sendable {
    var clientID: String
    var nationalID: String
    var scope: String
    var sessionID: String
    var nonce: String?
    var authenticationMethod: String
    var expiresAt: Date
    var redirectURI: String?
    var codeChallenge: String?
}

enum CIBAStatus: String, Sendable {
    case pending, approved, denied, expired
}

struct CIBAEntry: Sendable {
    var id: String
    var clientID: String
    var nationalID: String
    var bindingMessage: String?
    var channel: String
    var scope: String
    var status: CIBAStatus
    var expiresAt: Date
    var lastPoll: Date?
    var interval: Double
    var createdAt: Date
}
