import Foundation
import Logging
import Synchronization

/// The one SSO session of this workstation user, its timeouts, lock state and end. Ending it revokes every code,
/// access token and refresh token issued under it and sends OIDC back-channel logout to the apps that asked.
public final class SessionManager: Sendable {
    private let policy: SessionPolicy
    private let tokens: TokenStore
    private let codes: AuthorizationCodes
    private let clock: BrokerClock
    private let audit: AuditTrail
    private let onEnd: @Sendable (SSOSession, Set<String>, SessionEndReason) -> Void
    private let current = Mutex<SSOSession?>(nil)
    private let logger = Logger(label: "passerelle.broker.session")

    init(
        policy: SessionPolicy, tokens: TokenStore, codes: AuthorizationCodes, clock: BrokerClock, audit: AuditTrail,
        onEnd: @escaping @Sendable (SSOSession, Set<String>, SessionEndReason) -> Void
    ) {
        self.policy = policy
        self.tokens = tokens
        self.codes = codes
        self.clock = clock
        self.audit = audit
        self.onEnd = onEnd
    }

    /// Replaces any previous session (ended as `replaced`).
    func establish(_ session: SSOSession) {
        let previous = current.withLock { current in
            let previous = current
            current = session
            return previous
        }
        if let previous { finish(previous, reason: .replaced) }
        audit.record(
            "session.created",
            [
                "session": session.id, "subject": session.subject, "method": session.method.rawValue,
                "card": session.cardSerial ?? "-",
            ])
        logger.info("SSO session created", metadata: ["method": "\(session.method.rawValue)"])
    }

    /// The session if it is active now (not locked, within both timeouts); `touch` counts as activity.
    public func active(touch: Bool = false) -> SSOSession? {
        let now = clock.now()
        var expired: (SSOSession, SessionEndReason)?
        let session: SSOSession? = current.withLock { current in
            guard var session = current else { return nil }
            if now.timeIntervalSince(session.createdAt) >= policy.absoluteTimeout {
                expired = (session, .absoluteTimeout)
            } else if now.timeIntervalSince(session.lastActivity) >= policy.idleTimeout {
                expired = (session, .idleTimeout)
            }
            if expired != nil {
                current = nil
                return nil
            }
            if session.locked { return nil }
            if touch {
                session.lastActivity = now
                current = session
            }
            return session
        }
        if let (session, reason) = expired { finish(session, reason: reason) }
        return session
    }

    /// The session whatever its lock state (pages show "session verrouillée").
    public var snapshot: SSOSession? { current.withLock { $0 } }

    /// True when `sessionID` is the current, active session.
    func isActive(_ sessionID: String, touch: Bool = false) -> Bool {
        active(touch: touch)?.id == sessionID
    }

    func chooseSituation(_ situation: Situation, sessionID: String) {
        current.withLock { current in
            if current?.id == sessionID { current?.situation = situation }
        }
    }

    /// Ends the session (if `sessionID` is given, only that one).
    public func end(reason: SessionEndReason, sessionID: String? = nil) {
        let ended: SSOSession? = current.withLock { current in
            guard let session = current, sessionID == nil || session.id == sessionID else { return nil }
            current = nil
            return session
        }
        if let ended { finish(ended, reason: reason) }
    }

    /// Card-removal policy (design.md §3.1).
    func cardRemoved(serial: String) {
        guard let session = snapshot, session.cardSerial == serial else { return }
        switch policy.cardRemoval {
        case .logout:
            end(reason: .cardRemoved, sessionID: session.id)
        case .lock:
            current.withLock { current in if current?.id == session.id { current?.locked = true } }
            audit.record("session.locked", ["session": session.id, "card": serial])
        case .ignore:
            break
        }
    }

    /// Unlocks a locked session once the same card is back and its PIN verified.
    func unlock(cardSerial: String) -> Bool {
        let unlocked: Bool = current.withLock { current in
            guard var session = current, session.locked, session.cardSerial == cardSerial else { return false }
            session.locked = false
            session.lastActivity = clock.now()
            current = session
            return true
        }
        if unlocked { audit.record("session.unlocked", ["card": cardSerial]) }
        return unlocked
    }

    /// Periodic sweep for timeouts, so expiry ends a session (and notifies apps) even when nobody calls.
    func sweep() {
        _ = active()
    }

    private func finish(_ session: SSOSession, reason: SessionEndReason) {
        codes.removeAll(forSession: session.id)
        let clients = tokens.revokeSession(session.id)
        audit.record("session.ended", ["session": session.id, "reason": reason.rawValue])
        logger.info("SSO session ended", metadata: ["reason": "\(reason.rawValue)", "apps": "\(clients.count)"])
        onEnd(session, clients, reason)
    }
}
