import Foundation
import Testing

@testable import Broker

@Suite("App registry over the admin Unix socket, keys at rest", .serialized)
struct AdminTests {
    @Test("add shows the secret once, stores only a hash (0600), the app can authenticate; rotate and remove")
    func registry() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        let socket = harness.provider.settings.adminSocketPath
        #expect(SecureFile.permissions(socket).map { $0 & 0o777 } == 0o600)
        let admin = AdminClient(socketPath: socket)
        let added = try #require(
            try await admin.call(
                "POST", "/apps",
                json: [
                    "client_id": "lgc", "kind": "confidential", "redirect_uris": ["https://lgc.example/cb"],
                    "origins": ["https://lgc.example"],
                ]) as? [String: Any])
        let secret = try #require(added["client_secret"] as? String)
        let file = harness.dataDirectory + "/apps.json"
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!stored.contains(secret))
        #expect(stored.contains("sha256$"))
        #expect(SecureFile.permissions(file).map { $0 & 0o777 } == 0o600)
        let list = try #require(try await admin.call("GET", "/apps") as? [[String: Any]])
        #expect(list.contains { $0["client_id"] as? String == "lgc" })
        #expect(!String(describing: list).contains("sha256$"))
        #expect(
            harness.provider.registry.app("lgc").flatMap { $0.secretHash }.map {
                SecretHash.verify(secret, against: $0)
            } == true)
        let rotated = try #require(try await admin.call("POST", "/apps/lgc/rotate-secret") as? [String: Any])
        let newSecret = try #require(rotated["client_secret"] as? String)
        #expect(newSecret != secret)
        #expect(
            harness.provider.registry.app("lgc").flatMap { $0.secretHash }.map {
                SecretHash.verify(secret, against: $0)
            } == false)
        _ = try await admin.call("DELETE", "/apps/lgc")
        #expect(harness.provider.registry.app("lgc") == nil)
        await #expect(throws: BrokerError.self) { try await admin.call("DELETE", "/apps/lgc") }
        await #expect(throws: BrokerError.self) { try await admin.call("DELETE", "/apps/native") }
        // The registry is not reachable over TCP.
        let overTCP = try await Browser().get(harness.issuer + "/apps")
        #expect(overTCP.status == 404)
    }

    @Test("bad registrations are refused: http redirect off loopback, wildcard origin")
    func invalidRegistrations() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        let admin = AdminClient(socketPath: harness.provider.settings.adminSocketPath)
        await #expect(throws: BrokerError.self) {
            try await admin.call(
                "POST", "/apps",
                json: ["client_id": "x", "kind": "public", "redirect_uris": ["http://evil.example/cb"]])
        }
        await #expect(throws: BrokerError.self) {
            try await admin.call(
                "POST", "/apps",
                json: ["client_id": "y", "kind": "public", "redirect_uris": ["http://127.0.0.1/cb"], "origins": ["*"]])
        }
    }

    @Test("keys export: the admin socket gives the public JWKS the issuer publishes, and follows a rotation")
    func keysExport() async throws {
        let harness = try await BrokerHarness(withPSC: false)
        defer { Task { await harness.stop() } }
        let admin = AdminClient(socketPath: harness.provider.settings.adminSocketPath)
        let exported = try #require(try await admin.call("GET", "/keys") as? [String: Any])
        let keys = try #require(exported["keys"] as? [[String: Any]])
        #expect(keys.count == 1)
        #expect(keys.allSatisfy { $0["d"] == nil && $0["kty"] as? String == "EC" })
        let published = try JSONSerialization.jsonObject(with: harness.provider.keys.jwksDocument) as? [String: Any]
        #expect(published.map { NSDictionary(dictionary: $0) } == NSDictionary(dictionary: exported))
        let rotated = try #require(try await admin.call("POST", "/keys/rotate") as? [String: Any])
        let after = try #require(try await admin.call("GET", "/keys") as? [String: Any])
        let kids = (after["keys"] as? [[String: Any]] ?? []).compactMap { $0["kid"] as? String }
        #expect(kids.count == 2)
        #expect(kids.contains(try #require(rotated["kid"] as? String)))
    }

    @Test("signing key: generated 0600 at first start, reused after restart, rotation keeps the old key published")
    func keys() async throws {
        let directory = NSTemporaryDirectory() + "broker-keys-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SigningKeyStore(dataDirectory: directory, policy: KeyRotationPolicy())
        let path = directory + "/keys/signing-keys.json"
        #expect(SecureFile.permissions(path).map { $0 & 0o777 } == 0o600)
        let first = try #require(store.publishedKeyIDs.first)
        let again = try SigningKeyStore(dataDirectory: directory, policy: KeyRotationPolicy())
        #expect(again.publishedKeyIDs == [first])
        let second = try again.rotate()
        #expect(again.publishedKeyIDs == [first, second])
        #expect(again.activeKey.kid == second)
        let token = try JWSSigner(keys: again).sign(["sub": "x"])
        #expect(again.verifiedClaims(token)?["sub"] as? String == "x")
        var later = KeyRotationPolicy()
        later.overlap = 0
        let pruned = try SigningKeyStore(dataDirectory: directory, policy: later)
        #expect(pruned.publishedKeyIDs == [second])
        chmod(path, 0o644)
        #expect(throws: BrokerError.self) { try SigningKeyStore(dataDirectory: directory, policy: later) }
    }

    @Test("redirect matching: exact, except any port for http://127.0.0.1 loopback")
    func redirectMatching() {
        #expect(RedirectMatcher.matches("http://127.0.0.1:5555/cb", registered: "http://127.0.0.1/cb"))
        #expect(!RedirectMatcher.matches("http://127.0.0.1:5555/cb/", registered: "http://127.0.0.1/cb"))
        #expect(!RedirectMatcher.matches("http://127.0.0.1:5555/cb?x=1", registered: "http://127.0.0.1/cb"))
        #expect(!RedirectMatcher.matches("http://localhost:5555/cb", registered: "http://127.0.0.1/cb"))
        #expect(RedirectMatcher.matches("https://lgc.example/cb", registered: "https://lgc.example/cb"))
        #expect(!RedirectMatcher.matches("https://lgc.example:444/cb", registered: "https://lgc.example/cb"))
        #expect(!RedirectMatcher.matches("https://lgc.example/cb2", registered: "https://lgc.example/cb"))
    }
}
