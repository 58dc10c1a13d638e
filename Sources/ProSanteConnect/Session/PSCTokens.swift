import Foundation

/// The tokens of one PSC login. `description` never shows them: a session printed by mistake leaks nothing.
public struct PSCTokens: Sendable, Codable, Equatable, CustomStringConvertible {
    public var accessToken: String
    public var refreshToken: String?
    public var idToken: String?
    public var accessTokenExpiresAt: Date
    public var refreshTokenExpiresAt: Date?
    public var scope: String?

    public var description: String {
        "PSCTokens(access: <redacted> until \(accessTokenExpiresAt), refresh: "
            + (refreshToken == nil ? "none" : "<redacted>") + ")"
    }

    init(_ response: TokenResponse, now: Date, previous: PSCTokens? = nil) {
        accessToken = response.accessToken
        // RFC 6749 §6: a refresh answer without a new refresh token keeps the old one.
        refreshToken = response.refreshToken ?? previous?.refreshToken
        idToken = response.idToken ?? previous?.idToken
        accessTokenExpiresAt = now.addingTimeInterval(response.expiresIn ?? 60)
        if let refreshIn = response.refreshExpiresIn, refreshIn > 0 {
            refreshTokenExpiresAt = now.addingTimeInterval(refreshIn)
        } else {
            refreshTokenExpiresAt = response.refreshToken == nil ? previous?.refreshTokenExpiresAt : nil
        }
        scope = response.scope ?? previous?.scope
    }
}
