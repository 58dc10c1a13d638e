import Foundation
import Synchronization

/// Backchannel authentication requests of native apps (`/oidc/ciba`), polled at the token endpoint.
final class CIBARequests: Sendable {
    enum Status: Sendable {
        case pending
        case approved(sessionID: String)
        case failed(LoginFailure)
    }

    struct Entry: Sendable {
        let clientID: String
        let scopes: [String]
        let expiresAt: Date
        let interval: TimeInterval
        var lastPoll: Date?
        var status: Status
    }

    private let clock: BrokerClock
    private let entries = Mutex<[String: Entry]>([:])
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])

    init(clock: BrokerClock) {
        self.clock = clock
    }

    func create(_ entry: Entry) -> String {
        let id = Secrets.token()
        let now = clock.now()
        entries.withLock { entries in
            entries = entries.filter { $0.value.expiresAt > now }
            entries[Secrets.digest(id)] = entry
        }
        return id
    }

    func attach(_ id: String, task: Task<Void, Never>) {
        tasks.withLock { $0[Secrets.digest(id)] = task }
    }

    func resolve(_ id: String, _ status: Status) {
        entries.withLock { $0[Secrets.digest(id)]?.status = status }
    }

    enum Poll {
        case unknown
        case wrongClient
        case slowDown
        case expired
        case entry(Entry)
    }

    /// One poll: enforces the interval (`slow_down`), expiry, client binding; approved entries are consumed.
    func poll(_ id: String, clientID: String) -> Poll {
        let now = clock.now()
        let digest = Secrets.digest(id)
        return entries.withLock { entries in
            guard var entry = entries[digest] else { return .unknown }
            guard entry.clientID == clientID else { return .wrongClient }
            guard entry.expiresAt > now else {
                entries[digest] = nil
                return .expired
            }
            if let last = entry.lastPoll, now.timeIntervalSince(last) < entry.interval - 0.5,
                case .pending = entry.status
            {
                entry.lastPoll = now
                entries[digest] = entry
                return .slowDown
            }
            entry.lastPoll = now
            switch entry.status {
            case .pending: entries[digest] = entry
            case .approved, .failed: entries[digest] = nil
            }
            return .entry(entry)
        }
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
