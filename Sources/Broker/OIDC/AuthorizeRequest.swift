/// A validated `/oidc/authorize` request waiting for a session.
struct AuthorizeRequest: Sendable {
    enum Prompt: String, Sendable {
        /// `prompt=none` (named so that it never reads as `Optional.none`).
        case silent = "none"
        case login
    }

    let clientID: String
    let redirectURI: String
    let state: String?
    let nonce: String?
    let codeChallenge: String
    let scopes: [String]
    let prompt: Prompt?
}
