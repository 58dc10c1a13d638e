import CPS
import CPSTLS
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import Synchronization

/// A local TLS server that requires a client certificate from the test PKI, and a client that connects with the card.
enum TLSTestPeers {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        repository.appendingPathComponent(relative).path
    }

    struct Handshake: Sendable {
        let version: TLSVersion?
        let peerCertificateDER: [UInt8]?
    }

    /// Records what the handshake gave, on the side it is installed on.
    final class Probe: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let promise: EventLoopPromise<Handshake>
        let server: Bool

        init(promise: EventLoopPromise<Handshake>, server: Bool) {
            self.promise = promise
            self.server = server
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case TLSUserEvent.handshakeCompleted = event {
                let handler: NIOSSLHandler? =
                    server
                    ? try? context.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self)
                    : try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
                promise.succeed(
                    Handshake(
                        version: handler?.tlsVersion, peerCertificateDER: try? handler?.peerCertificate?.toDERBytes()))
            }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise.fail(error)
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.fail(ChannelError.eof)
            context.fireChannelInactive()
        }
    }

    /// The broker's test certificate; client certificates must chain to the TEST root.
    static func serverConfiguration(maximumVersion: TLSVersion = .tlsv13) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(path("Certs/servers/broker.chain.pem")).map {
                .certificate($0)
            },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: path("Certs/servers/broker.key.pem"), format: .pem)))
        configuration.certificateVerification = .noHostnameVerification
        configuration.trustRoots = .file(path("Certs/ca/trust-test-roots.pem"))
        configuration.maximumTLSVersion = maximumVersion
        if maximumVersion == .tlsv13 {
            configuration.minimumTLSVersion = .tlsv13
        }
        return configuration
    }

    /// Starts the server, connects once with `client`, and returns what both sides saw.
    static func handshake(
        client: TLSConfiguration, serverMaximumVersion: TLSVersion = .tlsv12
    ) async throws -> (client: Handshake, server: Handshake) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let serverContext = try NIOSSLContext(configuration: serverConfiguration(maximumVersion: serverMaximumVersion))
        let clientContext = try NIOSSLContext(configuration: client)
        let serverPromise = group.next().makePromise(of: Handshake.self)
        let clientPromise = group.next().makePromise(of: Handshake.self)
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: serverContext))
                    try channel.pipeline.syncOperations.addHandler(Probe(promise: serverPromise, server: true))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = server.localAddress?.port ?? 0
        let outcome: Result<(client: Handshake, server: Handshake), any Error>
        do {
            let connection = try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: clientContext, serverHostname: "localhost"))
                        try channel.pipeline.syncOperations.addHandler(Probe(promise: clientPromise, server: false))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
            do {
                let clientSide = try await clientPromise.futureResult.get()
                let serverSide = try await serverPromise.futureResult.get()
                outcome = .success((clientSide, serverSide))
            } catch {
                outcome = .failure(error)
            }
            try? await connection.close()
        } catch {
            outcome = .failure(error)
        }
        try? await server.close()
        serverPromise.fail(ChannelError.ioOnClosedChannel)
        clientPromise.fail(ChannelError.ioOnClosedChannel)
        try await group.shutdownGracefully()
        return try outcome.get()
    }

    /// Connects to a TLS server already listening on `port` (e.g. `openssl s_server`) and returns the client's view.
    static func clientHandshake(client: TLSConfiguration, port: Int) async throws -> Handshake {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let context = try NIOSSLContext(configuration: client)
        let promise = group.next().makePromise(of: Handshake.self)
        let outcome: Result<Handshake, any Error>
        do {
            let connection = try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                        try channel.pipeline.syncOperations.addHandler(Probe(promise: promise, server: false))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
            do {
                outcome = .success(try await promise.futureResult.get())
            } catch {
                outcome = .failure(error)
            }
            try? await connection.close()
        } catch {
            outcome = .failure(error)
        }
        promise.fail(ChannelError.ioOnClosedChannel)
        try await group.shutdownGracefully()
        return try outcome.get()
    }

    static func clientConfiguration(identity: CardIdentity, signer: any CardSigner) throws -> TLSConfiguration {
        let intermediates = try NIOSSLCertificate.fromPEMFile(path("Certs/ca/chain-personnes.pem")).filter {
            try $0.toDERBytes()
                != NIOSSLCertificate.fromPEMFile(path("Certs/ca/trust-test-roots.pem")).first?
                .toDERBytes()
        }
        return try CardTLSConfiguration.client(
            identity: identity, signer: signer, intermediates: intermediates,
            trustRoots: .file(path("Certs/ca/trust-test-roots.pem")))
    }
}

/// Wraps a signer and records, for each signature, whether it was asked for on an event loop thread.
final class ProbeSigner: CardSigner {
    let base: any CardSigner
    private let calls = Mutex<[Bool]>([])

    init(_ base: any CardSigner) {
        self.base = base
    }

    /// One entry per signature: true when the card was driven from an event loop thread (must never happen).
    var onEventLoop: [Bool] { calls.withLock { $0 } }

    func sign(digestInfo: [UInt8]) async throws(CPSError) -> [UInt8] {
        calls.withLock { $0.append(MultiThreadedEventLoopGroup.currentEventLoop != nil) }
        return try await base.sign(digestInfo: digestInfo)
    }

    func sign(sha256Digest: [UInt8]) async throws(CPSError) -> [UInt8] {
        calls.withLock { $0.append(MultiThreadedEventLoopGroup.currentEventLoop != nil) }
        return try await base.sign(sha256Digest: sha256Digest)
    }
}
