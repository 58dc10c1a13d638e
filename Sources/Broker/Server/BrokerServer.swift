import Foundation
import Hummingbird
import Logging
import NIOCore
import Observability

#if canImport(Glibc)
    import Glibc
#endif

/// `passerelle serve`: the loopback listener (OpenID Provider, login pages) and the admin Unix socket.
public final class BrokerServer: Sendable {
    public let provider: OpenIDProvider
    private let mount: @Sendable (Router<BrokerRequestContext>, OpenIDProvider) -> Void

    /// `mount` adds routes of other modules (REST API) to the public router; see README.
    public init(
        settings: BrokerSettings, clock: BrokerClock = .system,
        mount: @escaping @Sendable (Router<BrokerRequestContext>, OpenIDProvider) -> Void = { _, _ in }
    ) throws(BrokerError) {
        PasserelleMetrics.bootstrap()
        provider = try OpenIDProvider(settings: settings, clock: clock)
        self.mount = mount
    }

    /// Runs until cancelled. `onReady` gets the issuer URL once both listeners accept connections.
    public func run(onReady: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let provider = self.provider
        let settings = provider.settings
        let socketPath = settings.adminSocketPath
        try Self.prepareSocket(socketPath)
        var logger = Logger(label: "passerelle.broker.http")
        logger.logLevel = .critical  // cancellation at shutdown is logged as errors by HummingbirdCore
        let ready = ReadyGate(count: 2) {
            await onReady(provider.issuer)
        }
        let publicApp = Application(
            router: provider.makeRouter { router in self.mount(router, provider) },
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                provider.listening(port: channel.localAddress?.port ?? settings.port)
                await provider.start()
                await ready.arrive()
            }, logger: logger)
        let adminApp = Application(
            router: provider.makeAdminRouter(),
            configuration: .init(address: .unixDomainSocket(path: socketPath), serverName: nil),
            onServerRunning: { _ in
                chmod(socketPath, 0o600)
                await ready.arrive()
            }, logger: logger)
        defer { unlink(socketPath) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await publicApp.runService(gracefulShutdownSignals: []) }
            group.addTask { try await adminApp.runService(gracefulShutdownSignals: []) }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(nanoseconds: 5_000_000_000)
                    provider.sessions.sweep()
                }
            }
            do {
                try await group.next()
            } catch {
                group.cancelAll()
                await provider.shutdown()
                throw error
            }
            group.cancelAll()
        }
        await provider.shutdown()
    }

    /// A socket left by a crashed broker is removed; a live one (another broker) is an error.
    private static func prepareSocket(_ path: String) throws(BrokerError) {
        try SecureFile.ensureDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw .configuration("admin socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if connected == 0 { throw .configuration("another broker is listening on \(path)") }
        unlink(path)
    }
}

/// Calls `action` once after `count` arrivals.
actor ReadyGate {
    private var remaining: Int
    private let action: @Sendable () async -> Void

    init(count: Int, action: @escaping @Sendable () async -> Void) {
        remaining = count
        self.action = action
    }

    func arrive() async {
        remaining -= 1
        if remaining == 0 { await action() }
    }
}
