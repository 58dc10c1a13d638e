import Crypto
import Foundation
import ProSanteConnect
import Synchronization

/// The broker's signing keys in `<data dir>/keys/signing-keys.json` (0600). A key is generated at first start;
/// `rotate()` (or age beyond `rotateAfter`) adds a new active key while the previous ones stay published for
/// `overlap`, so tokens they signed keep verifying (design.md §5).
public final class SigningKeyStore: Sendable {
    private struct StoredKey: Codable {
        var kid: String
        var createdAt: Date
        var retiredAt: Date?
        var privateKey: String
    }

    private struct State {
        var keys: [StoredKey]
        var active: SigningKey
        var published: [String: P256.Signing.PublicKey]
        var jwks: Data
    }

    private let file: URL
    private let policy: KeyRotationPolicy
    private let clock: BrokerClock
    private let state: Mutex<State>

    public init(dataDirectory: String, policy: KeyRotationPolicy, clock: BrokerClock = .system) throws(BrokerError) {
        file = URL(fileURLWithPath: dataDirectory).appendingPathComponent("keys/signing-keys.json")
        self.policy = policy
        self.clock = clock
        var keys: [StoredKey] = []
        if FileManager.default.fileExists(atPath: file.path) {
            if let mode = SecureFile.permissions(file.path), mode & 0o077 != 0 {
                throw .storage("\(file.path) is readable by others (mode \(String(mode, radix: 8))): chmod 600")
            }
            do {
                keys = try JSONDecoder.broker.decode([StoredKey].self, from: Data(contentsOf: file))
            } catch {
                throw .storage("cannot read \(file.path): \(error)")
            }
        }
        let now = clock.now()
        var changed = false
        if keys.isEmpty || keys.last.map({ now.timeIntervalSince($0.createdAt) >= policy.rotateAfter }) == true {
            keys = Self.adding(SigningKey.generate(now: now), to: keys, now: now)
            changed = true
        }
        let pruned = Self.pruned(keys, now: now, overlap: policy.overlap)
        changed = changed || pruned.count != keys.count
        keys = pruned
        if changed { try Self.save(keys, to: file) }
        state = Mutex(try Self.state(keys))
    }

    /// Adds a new active key and retires the current one (kept for `overlap`).
    @discardableResult
    public func rotate() throws(BrokerError) -> String {
        let now = clock.now()
        let file = self.file
        let overlap = policy.overlap
        let result: Result<String, BrokerError> = state.withLock { current in
            let key = SigningKey.generate(now: now)
            let keys = Self.pruned(Self.adding(key, to: current.keys, now: now), now: now, overlap: overlap)
            do throws(BrokerError) {
                try Self.save(keys, to: file)
                current = try Self.state(keys)
                return .success(key.kid)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    var activeKey: SigningKey { state.withLock { $0.active } }

    /// The JWKS document, pre-encoded.
    public var jwksDocument: Data { state.withLock { $0.jwks } }

    public var publishedKeyIDs: [String] { state.withLock { $0.keys.map(\.kid) } }

    func publishedKey(_ kid: String) -> P256.Signing.PublicKey? { state.withLock { $0.published[kid] } }

    private static func adding(_ key: SigningKey, to keys: [StoredKey], now: Date) -> [StoredKey] {
        var keys = keys
        for index in keys.indices where keys[index].retiredAt == nil { keys[index].retiredAt = now }
        keys.append(
            StoredKey(
                kid: key.kid, createdAt: key.createdAt, retiredAt: nil,
                privateKey: Base64URL.encode(key.privateKey.rawRepresentation)))
        return keys
    }

    private static func pruned(_ keys: [StoredKey], now: Date, overlap: TimeInterval) -> [StoredKey] {
        keys.filter { key in key.retiredAt.map { now.timeIntervalSince($0) < overlap } ?? true }
    }

    private static func save(_ keys: [StoredKey], to file: URL) throws(BrokerError) {
        let data: Data
        do {
            data = try JSONEncoder.broker.encode(keys)
        } catch {
            throw .storage("cannot encode keys: \(error)")
        }
        try SecureFile.write(data, to: file)
    }

    private static func state(_ keys: [StoredKey]) throws(BrokerError) -> State {
        var loaded: [SigningKey] = []
        for stored in keys {
            guard let raw = Base64URL.decode(stored.privateKey),
                let key = try? P256.Signing.PrivateKey(rawRepresentation: raw)
            else { throw .storage("signing key \(stored.kid) is damaged") }
            loaded.append(SigningKey(kid: stored.kid, createdAt: stored.createdAt, privateKey: key))
        }
        guard let active = loaded.last else { throw .storage("no signing key") }
        let document = ["keys": loaded.reversed().map(\.publicJWK)]
        let jwks: Data
        do {
            jwks = try JSONSerialization.data(
                withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw .storage("cannot encode JWKS: \(error)")
        }
        var published: [String: P256.Signing.PublicKey] = [:]
        for key in loaded { published[key.kid] = key.privateKey.publicKey }
        return State(keys: keys, active: active, published: published, jwks: jwks)
    }
}
