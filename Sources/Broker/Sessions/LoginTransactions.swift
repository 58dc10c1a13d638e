import Foundation
import Synchronization

/// One login in progress in the browser: from `/oidc/authorize` (or a bare `/login`) to a session.
struct LoginTransaction: Sendable {
    enum Phase: Sendable {
        case start
        case pscBrowser(pscState: String)
        case ciba(binding: String, expiresAt: Date)
        case chooseSituation
        case done
        case failed(LoginFailure)
    }

    let id: String
    /// Held in the `SameSite=Strict; HttpOnly` cookie; page posts must carry it.
    let cookieSecret: String
    /// Embedded in the page forms.
    let csrf: String
    let authorize: AuthorizeRequest?
    let expiresAt: Date
    var phase: Phase = .start
}

/// The login transactions and their background PSC tasks.
final class LoginTransactions: Sendable {
    private let clock: BrokerClock
    private let lifetime: TimeInterval
    private let entries = Mutex<[String: LoginTransaction]>([:])
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])

    init(clock: BrokerClock, lifetime: TimeInterval) {
        self.clock = clock
        self.lifetime = lifetime
    }

    func create(_ authorize: AuthorizeRequest?) -> LoginTransaction {
        let now = clock.now()
        let transaction = LoginTransaction(
            id: Secrets.token(), cookieSecret: Secrets.token(), csrf: Secrets.token(), authorize: authorize,
            expiresAt: now.addingTimeInterval(lifetime))
        entries.withLock { entries in
            entries = entries.filter { $0.value.expiresAt > now }
            entries[transaction.id] = transaction
        }
        return transaction
    }

    func get(_ id: String) -> LoginTransaction? {
        let now = clock.now()
        return entries.withLock { entries in
            guard let entry = entries[id], entry.expiresAt > now else { return nil }
            return entry
        }
    }

    func find(pscState: String) -> LoginTransaction? {
        entries.withLock { entries in
            entries.values.first { entry in
                if case .pscBrowser(let state) = entry.phase { return Secrets.constantTimeEquals(state, pscState) }
                return false
            }
        }
    }

    func setPhase(_ id: String, _ phase: LoginTransaction.Phase) {
        entries.withLock { entries in entries[id]?.phase = phase }
    }

    func attach(_ id: String, task: Task<Void, Never>) {
        let previous = tasks.withLock { tasks in
            let previous = tasks[id]
            tasks[id] = task
            return previous
        }
        previous?.cancel()
    }

    func cancelAll() async {
        let all = tasks.withLock { tasks in
            let all = Array(tasks.values)
            tasks = [:]
            return all
        }
        for task in all { task.cancel() }
    }
}
