import Foundation
import Synchronization

/// Registered apps: those of the configuration file (read-only) and those added with `passerelle apps`, kept in
/// `<data dir>/apps.json` (mode 0600, written atomically). Reads are lock-protected dictionary lookups so the
/// token endpoint stays fast.
public final class AppRegistry: Sendable {
    private let file: URL
    private let apps: Mutex<[String: AppRegistration]>

    public init(dataDirectory: String, configured: [AppRegistration]) throws(BrokerError) {
        file = URL(fileURLWithPath: dataDirectory).appendingPathComponent("apps.json")
        var merged: [String: AppRegistration] = [:]
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                let stored = try JSONDecoder.broker.decode([AppRegistration].self, from: Data(contentsOf: file))
                for app in stored { merged[app.clientID] = app }
            } catch {
                throw .storage("cannot read \(file.path): \(error)")
            }
        }
        for var app in configured {
            app.source = .configuration
            try app.validate()
            merged[app.clientID] = app
        }
        apps = Mutex(merged)
    }

    public func app(_ clientID: String) -> AppRegistration? {
        apps.withLock { $0[clientID] }
    }

    public func all() -> [AppRegistration] {
        apps.withLock { Array($0.values) }.sorted { $0.clientID < $1.clientID }
    }

    /// True when `origin` is registered by at least one app (pre-routing check; routes then check the caller's own).
    public func isKnownOrigin(_ origin: String) -> Bool {
        apps.withLock { $0.values.contains { $0.origins.contains(origin) } }
    }

    /// Adds an app; confidential apps get a new secret, returned once.
    public func add(_ registration: AppRegistration) throws(BrokerError) -> String? {
        var app = registration
        app.source = .cli
        var secret: String?
        if app.kind == .confidential {
            let generated = SecretHash.generate()
            secret = generated.secret
            app.secretHash = generated.hash
        } else {
            app.secretHash = nil
        }
        try app.validate()
        try mutate { (apps: inout [String: AppRegistration]) throws(BrokerError) in
            guard apps[app.clientID] == nil else { throw .invalidRegistration("client id \(app.clientID) exists") }
            apps[app.clientID] = app
        }
        return secret
    }

    public func rotateSecret(_ clientID: String) throws(BrokerError) -> String {
        let generated = SecretHash.generate()
        try mutate { (apps: inout [String: AppRegistration]) throws(BrokerError) in
            guard var app = apps[clientID] else { throw .unknownApp(clientID) }
            guard app.source == .cli else { throw .invalidRegistration("\(clientID) is declared in the configuration") }
            guard app.kind == .confidential else { throw .invalidRegistration("\(clientID) is a public app") }
            app.secretHash = generated.hash
            apps[clientID] = app
        }
        return generated.secret
    }

    public func remove(_ clientID: String) throws(BrokerError) {
        try mutate { (apps: inout [String: AppRegistration]) throws(BrokerError) in
            guard let app = apps[clientID] else { throw .unknownApp(clientID) }
            guard app.source == .cli else { throw .invalidRegistration("\(clientID) is declared in the configuration") }
            apps[clientID] = nil
        }
    }

    /// Applies a change and persists the CLI-managed apps before it becomes visible.
    private func mutate(_ change: (inout [String: AppRegistration]) throws(BrokerError) -> Void) throws(BrokerError) {
        let file = self.file
        let result: Result<Void, BrokerError> = apps.withLock { current in
            var next = current
            do {
                try change(&next)
                let stored = next.values.filter { $0.source == .cli }.sorted { $0.clientID < $1.clientID }
                try SecureFile.write(try JSONEncoder.broker.encode(stored), to: file)
            } catch let error as BrokerError {
                return .failure(error)
            } catch {
                return .failure(.storage("\(error)"))
            }
            current = next
            return .success(())
        }
        try result.get()
    }
}
