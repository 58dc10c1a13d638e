import Foundation
import Synchronization

/// What a code stands for until it is exchanged once (≤ 60 s, design.md §5).
struct AuthorizationGrant: Sendable {
    let clientID: String
    let redirectURI: String
    let codeChallenge: String
    let nonce: String?
    let scopes: [String]
    let sessionID: String
    let expiresAt: Date
}

/// One-time codes, stored by digest. A code presented a second time is remembered as replayed so the token
/// endpoint can revoke what the first exchange issued (RFC 6749 §4.1.2).
final class AuthorizationCodes: Sendable {
    enum Outcome {
        case valid(AuthorizationGrant)
        /// Already exchanged: the family issued from it must be revoked.
        case replayed(familyID: String?)
        case unknown
    }

    private struct State {
        var live: [String: AuthorizationGrant] = [:]
        /// digest → family issued from it, kept until the code would have expired anyway.
        var used: [String: (family: String?, until: Date)] = [:]
    }

    private let state = Mutex(State())

    func issue(_ grant: AuthorizationGrant) -> String {
        let code = Secrets.token()
        let digest = Secrets.digest(code)
        state.withLock { $0.live[digest] = grant }
        return code
    }

    func redeem(_ code: String, now: Date) -> Outcome {
        let digest = Secrets.digest(code)
        return state.withLock { state in
            state.live = state.live.filter { $0.value.expiresAt > now }
            state.used = state.used.filter { $0.value.until > now }
            if let used = state.used[digest] { return .replayed(familyID: used.family) }
            guard let grant = state.live.removeValue(forKey: digest) else { return .unknown }
            state.used[digest] = (nil, grant.expiresAt.addingTimeInterval(600))
            return .valid(grant)
        }
    }

    /// Links the exchanged code to the refresh family it produced (for replay revocation).
    func recordFamily(_ familyID: String, forCode code: String) {
        let digest = Secrets.digest(code)
        state.withLock { state in
            if let used = state.used[digest] { state.used[digest] = (familyID, used.until) }
        }
    }

    func removeAll(forSession sessionID: String) {
        state.withLock { state in state.live = state.live.filter { $0.value.sessionID != sessionID } }
    }
}
