import Synchronization

/// Card data (holder, certificate, PKCS#15 facts) kept by card serial, so reinserting a known card costs a handful of
/// APDUs. An entry is used only while EF_ACTUA is unchanged. Holds nothing secret.
public final class CardDataCache: Sendable {
    private let entries = Mutex<[String: CardIdentity]>([:])

    public init() {}

    /// A process-wide cache for callers that do not manage their own.
    public static let shared = CardDataCache()

    func lookup(serial: String, actua: [UInt8]) -> CardIdentity? {
        entries.withLock { entries in
            guard let entry = entries[serial] else {
                return nil
            }
            if entry.actua != actua {
                entries[serial] = nil
                return nil
            }
            return entry
        }
    }

    func store(_ identity: CardIdentity) {
        entries.withLock { $0[identity.serial] = identity }
    }

    public func removeAll() {
        entries.withLock { $0.removeAll() }
    }

    public var count: Int {
        entries.withLock { $0.count }
    }
}
