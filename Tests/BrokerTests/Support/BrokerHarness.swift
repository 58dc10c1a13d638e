import Foundation
import Synchronization
import Testing

@testable import Broker

/// A broker on 127.0.0.1:<free port> with a temporary data directory, the in-process virtual card and, when
/// asked, a `psc-sim` child; talked to over real HTTP.
final class BrokerHarness: @unchecked Sendable {
    let dataDirectory: String
    let cards = VirtualCardSource()
    let psc: PSCSimulator?
    let server: BrokerServer
    private var task: Task<Void, any Error>?
    private(set) var issuer = ""

    static let publicRedirect = "http://127.0.0.1/cb"
    static let webRedirect = "http://127.0.0.1:8765/callback"
    static let webOrigin = "http://127.0.0.1:8765"

    /// Apps: `native` (public, PKCE, any-port loopback redirect), `web` (confidential, `web-secret`) and `sso2`.
    static let webSecret = "TEST-web-secret-0123456789"

    init(
        withPSC: Bool = true, adjust: (inout BrokerSettings) -> Void = { _ in },
        apps extra: [AppRegistration] = [], clock: BrokerClock = .system
    ) async throws {
        dataDirectory = NSTemporaryDirectory() + "broker-test-" + UUID().uuidString
        psc = withPSC ? try PSCSimulator() : nil
        var settings = BrokerSettings(dataDirectory: dataDirectory)
        settings.port = 0
        settings.psc = psc?.configuration
        settings.cardSource = cards
        settings.configuredApps =
            [
                AppRegistration(
                    clientID: "native", name: "LGC natif", kind: .public, redirectURIs: [Self.publicRedirect],
                    scopes: ["openid", "profile", "api"], allowCIBA: true),
                AppRegistration(
                    clientID: "web", name: "DUI web", kind: .confidential, redirectURIs: [Self.webRedirect],
                    origins: [Self.webOrigin], scopes: ["openid", "profile"],
                    secretHash: SecretHash.hash(Self.webSecret)),
                AppRegistration(
                    clientID: "sso2", name: "Deuxième application", kind: .public,
                    redirectURIs: ["http://127.0.0.1/second"]),
            ] + extra
        adjust(&settings)
        server = try BrokerServer(settings: settings, clock: clock)
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let server = self.server
        task = Task {
            try await server.run { issuer in continuation.yield(issuer) }
        }
        for await issuer in stream {
            self.issuer = issuer
            break
        }
    }

    var provider: OpenIDProvider { server.provider }

    func stop() async {
        task?.cancel()
        _ = try? await task?.value
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    /// Inserts a card and waits until the broker has read its holder.
    func insertCard(_ key: String = "medecin-1", triesLeft: Int? = nil) async throws {
        try cards.insert(key, triesLeft: triesLeft)
        for _ in 0..<200 {
            if case .present = await provider.card.current { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw HarnessError("card not read")
    }

    func removeCard() async throws {
        cards.remove()
        for _ in 0..<200 {
            if case .absent = await provider.card.current { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw HarnessError("card removal not seen")
    }
}
