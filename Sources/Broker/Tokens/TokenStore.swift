import Foundation
import Synchronization

/// What an access token allows: looked up by digest at every API call.
public struct AccessGrant: Sendable {
    public let clientID: String
    public let sessionID: String
    public let subject: String
    public let scopes: [String]
    public let expiresAt: Date
    let familyID: String
}

/// Access tokens and refresh-token families, in memory (a restart logs everyone out: see the threat model).
///
/// Refresh tokens rotate at every use; presenting a rotated one is reuse and revokes its whole family
/// (RFC 9700 §4.14.2). Ending a session revokes every family issued under it.
final class TokenStore: Sendable {
    struct RefreshOutcome {
        let familyID: String
        let clientID: String
        let sessionID: String
        let scopes: [String]
    }

    enum RefreshFailure: Error {
        case unknown
        case expired
        case reused
        case wrongClient
    }

    private struct Refresh {
        let familyID: String
        let clientID: String
        let sessionID: String
        let scopes: [String]
        let expiresAt: Date
        var rotated: Bool
    }

    private struct Family {
        let clientID: String
        let sessionID: String
        var accessDigests: Set<String> = []
        var refreshDigests: Set<String> = []
    }

    private struct State {
        var access: [String: AccessGrant] = [:]
        var refresh: [String: Refresh] = [:]
        var families: [String: Family] = [:]
    }

    private let state = Mutex(State())

    /// A new family: first access token and first refresh token.
    func issue(
        clientID: String, sessionID: String, subject: String, scopes: [String], accessExpiresAt: Date,
        refreshExpiresAt: Date?, familyID: String? = nil
    ) -> (access: String, refresh: String?, familyID: String) {
        let family = familyID ?? Secrets.token()
        let access = Secrets.token()
        let refresh = refreshExpiresAt.map { _ in Secrets.token() }
        let accessDigest = Secrets.digest(access)
        let refreshDigest = refresh.map(Secrets.digest)
        state.withLock { state in
            var record = state.families[family] ?? Family(clientID: clientID, sessionID: sessionID)
            record.accessDigests.insert(accessDigest)
            state.access[accessDigest] = AccessGrant(
                clientID: clientID, sessionID: sessionID, subject: subject, scopes: scopes,
                expiresAt: accessExpiresAt, familyID: family)
            if let refreshDigest, let refreshExpiresAt {
                record.refreshDigests.insert(refreshDigest)
                state.refresh[refreshDigest] = Refresh(
                    familyID: family, clientID: clientID, sessionID: sessionID, scopes: scopes,
                    expiresAt: refreshExpiresAt, rotated: false)
            }
            state.families[family] = record
        }
        return (access, refresh, family)
    }

    func accessGrant(_ token: String, now: Date) -> AccessGrant? {
        let digest = Secrets.digest(token)
        return state.withLock { state in
            guard let grant = state.access[digest] else { return nil }
            guard grant.expiresAt > now else {
                state.access[digest] = nil
                return nil
            }
            return grant
        }
    }

    /// Marks the presented refresh token as used. Reuse of a rotated token revokes the family.
    func consumeRefresh(_ token: String, clientID: String, now: Date) -> Result<RefreshOutcome, RefreshFailure> {
        let digest = Secrets.digest(token)
        return state.withLock { state in
            guard var record = state.refresh[digest] else { return .failure(.unknown) }
            guard record.clientID == clientID else { return .failure(.wrongClient) }
            if record.rotated {
                Self.revokeFamily(record.familyID, in: &state)
                return .failure(.reused)
            }
            guard record.expiresAt > now else {
                state.refresh[digest] = nil
                return .failure(.expired)
            }
            record.rotated = true
            state.refresh[digest] = record
            return .success(
                RefreshOutcome(
                    familyID: record.familyID, clientID: record.clientID, sessionID: record.sessionID,
                    scopes: record.scopes))
        }
    }

    func revokeFamily(_ familyID: String) {
        state.withLock { Self.revokeFamily(familyID, in: &$0) }
    }

    /// Every token issued under a session; returns the client ids that held some.
    @discardableResult
    func revokeSession(_ sessionID: String) -> Set<String> {
        state.withLock { state in
            let families = state.families.filter { $0.value.sessionID == sessionID }
            for id in families.keys { Self.revokeFamily(id, in: &state) }
            return Set(families.values.map(\.clientID))
        }
    }

    /// Revokes one token (RFC 7009 semantics: a refresh token takes its family with it).
    func revoke(_ token: String) {
        let digest = Secrets.digest(token)
        state.withLock { state in
            if let family = state.refresh[digest]?.familyID ?? state.access[digest]?.familyID {
                Self.revokeFamily(family, in: &state)
            }
        }
    }

    var liveAccessTokenCount: Int { state.withLock { $0.access.count } }

    private static func revokeFamily(_ familyID: String, in state: inout State) {
        guard let family = state.families.removeValue(forKey: familyID) else { return }
        for digest in family.accessDigests { state.access[digest] = nil }
        for digest in family.refreshDigests { state.refresh[digest] = nil }
        // The rotated-token markers go too: a revoked family answers `invalid_grant` as unknown.
    }
}
