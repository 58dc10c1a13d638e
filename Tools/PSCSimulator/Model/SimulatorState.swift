import Crypto
import Foundation

/// All mutable state of the simulator. One actor: the simulator is a test peer, not a throughput server.
actor SimulatorState {
    let fixture: Fixture
    var settings: Settings
    var failures: [Failure] = []
    var pendingAuthorizations: [String: PendingAuthorization] = [:]
    var codes: [String: Grant] = [:]
    var usedCodes: Set<String> = []
    var accessTokens: [String: Grant] = [:]
    var refreshTokens: [String: Grant] = [:]
    var endedSessions: Set<String> = []
    var ciba: [String: CIBAEntry] = [:]
    var keyGeneration = 0
    var stats: [String: Int] = [:]

    init(fixture: Fixture, settings: Settings) {
        self.fixture = fixture
        self.settings = settings
    }

    /// The simulator's clock, shifted by the configured skew.
    func now() -> Date { Date().addingTimeInterval(settings.clockSkew) }

    func count(_ name: String) { stats[name, default: 0] += 1 }

    static func randomID(_ bytes: Int = 24) -> String {
        let key = SymmetricKey(size: SymmetricKeySize(bitCount: bytes * 8))
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    // MARK: failures

    /// Returns the failure to apply to `endpoint` now, consuming one use of it.
    func takeFailure(_ endpoint: String, modes: Set<String>? = nil) -> Failure? {
        guard
            let index = failures.firstIndex(where: {
                ($0.endpoint == endpoint || $0.endpoint == "all") && (modes?.contains($0.mode) ?? true)
            })
        else { return nil }
        let failure = failures[index]
        if let remaining = failure.remaining {
            if remaining <= 1 { failures.remove(at: index) } else { failures[index].remaining = remaining - 1 }
        }
        return failure
    }

    func addFailure(_ failure: Failure) { failures.append(failure) }
    func clearFailures() { failures.removeAll() }
    func updateSettings(_ json: [String: Any]) { settings.merge(json) }
    func rotateKeys() { keyGeneration += 1 }

    // MARK: browser flow

    func storePending(_ pending: PendingAuthorization) -> String {
        let id = Self.randomID()
        pendingAuthorizations[id] = pending
        return id
    }

    func takePending(_ id: String) -> PendingAuthorization? {
        pendingAuthorizations.removeValue(forKey: id)
    }

    func issueCode(_ pending: PendingAuthorization, nationalID: String, method: String) -> String {
        let code = Self.randomID()
        codes[code] = Grant(
            clientID: pending.clientID, nationalID: nationalID, scope: pending.scope, sessionID: Self.randomID(12),
            nonce: pending.nonce, authenticationMethod: method,
            expiresAt: Date().addingTimeInterval(settings.codeLifetime), redirectURI: pending.redirectURI,
            codeChallenge: pending.codeChallenge)
        return code
    }

    enum CodeOutcome {
        case grant(Grant)
        case invalid(String)
    }

    /// Single use: a second presentation fails and revokes what the first one produced (RFC 6749 §4.1.2).
    func redeemCode(_ code: String) -> CodeOutcome {
        if usedCodes.contains(code) {
            accessTokens = accessTokens.filter { $0.value.sessionID != codes[code]?.sessionID }
            return .invalid("code already used")
        }
        guard let grant = codes.removeValue(forKey: code) else { return .invalid("unknown code") }
        usedCodes.insert(code)
        guard grant.expiresAt > Date() else { return .invalid("code expired") }
        return .grant(grant)
    }

    // MARK: tokens

    func storeAccessToken(_ token: String, grant: Grant) { accessTokens[token] = grant }
    func storeRefreshToken(_ token: String, grant: Grant) { refreshTokens[token] = grant }

    func accessGrant(_ token: String) -> Grant? {
        guard let grant = accessTokens[token], grant.expiresAt > Date(), !endedSessions.contains(grant.sessionID)
        else { return nil }
        return grant
    }

    /// Rotation: the presented refresh token dies whatever happens next.
    func takeRefreshGrant(_ token: String) -> Grant? {
        guard let grant = refreshTokens.removeValue(forKey: token), grant.expiresAt > Date(),
            !endedSessions.contains(grant.sessionID)
        else { return nil }
        return grant
    }

    func peekRefreshGrant(_ token: String) -> Grant? { refreshTokens[token] }

    func endSession(_ sessionID: String) {
        endedSessions.insert(sessionID)
        refreshTokens = refreshTokens.filter { $0.value.sessionID != sessionID }
        accessTokens = accessTokens.filter { $0.value.sessionID != sessionID }
    }

    // MARK: CIBA

    func createCIBA(clientID: String, nationalID: String, binding: String?, channel: String, scope: String)
        -> CIBAEntry
    {
        let entry = CIBAEntry(
            id: Self.randomID(), clientID: clientID, nationalID: nationalID, bindingMessage: binding,
            channel: channel, scope: scope, status: .pending,
            expiresAt: Date().addingTimeInterval(settings.cibaExpiresIn), lastPoll: nil,
            interval: settings.cibaInterval, createdAt: Date())
        ciba[entry.id] = entry
        return entry
    }

    func resolveCIBA(_ id: String?, status: CIBAStatus) -> CIBAEntry? {
        let target = id ?? ciba.values.filter { $0.status == .pending }.max { $0.createdAt < $1.createdAt }?.id
        guard let target, var entry = ciba[target], entry.status == .pending else { return nil }
        entry.status = status
        ciba[target] = entry
        return entry
    }

    enum PollOutcome {
        case pending, slowDown
        case approved(CIBAEntry)
        case denied, expired, invalid
    }

    func poll(_ id: String, clientID: String) -> PollOutcome {
        guard var entry = ciba[id], entry.clientID == clientID else { return .invalid }
        let now = Date()
        if entry.expiresAt <= now || entry.status == .expired {
            ciba[id] = nil
            return .expired
        }
        let minimum = settings.cibaMinimumPollInterval ?? entry.interval
        if let last = entry.lastPoll, now.timeIntervalSince(last) < minimum - 0.05 {
            entry.lastPoll = now
            entry.interval += 5
            ciba[id] = entry
            count("slow_down")
            return .slowDown
        }
        entry.lastPoll = now
        ciba[id] = entry
        switch entry.status {
        case .pending: return .pending
        case .approved:
            ciba[id] = nil
            return .approved(entry)
        case .denied:
            ciba[id] = nil
            return .denied
        case .expired: return .expired
        }
    }

    func cibaList() -> [CIBAEntry] { ciba.values.sorted { $0.createdAt < $1.createdAt } }
}
