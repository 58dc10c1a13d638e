import Foundation

/// Keycloak-shaped token response (psc.md §3). Lifetimes are read, never assumed.
struct TokenResponse: Decodable, Sendable {
    var accessToken: String
    var tokenType: String?
    var expiresIn: Double?
    var refreshToken: String?
    var refreshExpiresIn: Double?
    var idToken: String?
    var scope: String?
    var sessionState: String?
    var issuedTokenType: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case refreshToken = "refresh_token"
        case refreshExpiresIn = "refresh_expires_in"
        case idToken = "id_token"
        case scope
        case sessionState = "session_state"
        case issuedTokenType = "issued_token_type"
    }
}
