import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A one-shot HTTP listener on 127.0.0.1 for the RFC 8252 loopback redirect of a native login. It answers
/// the browser with a short French page and hands the query to the waiting login; everything else is 404.
public final class LoopbackRedirectReceiver: Sendable {
    public let redirectURI: String
    private let channel: any Channel
    private let box: CallbackBox

    /// `port` 0 picks a free port.
    public static func start(port: Int = 0, path: String = "/callback") async throws(PSCError)
        -> LoopbackRedirectReceiver
    {
        let box = CallbackBox()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(LoopbackHandler(path: path, box: box))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
            guard let bound = channel.localAddress?.port else {
                throw PSCError.configuration("loopback listener has no port")
            }
            return LoopbackRedirectReceiver(
                redirectURI: "http://127.0.0.1:\(bound)\(path)", channel: channel, box: box)
        } catch let error as PSCError {
            throw error
        } catch {
            throw .configuration("cannot listen on 127.0.0.1:\(port): \(error)")
        }
    }

    private init(redirectURI: String, channel: any Channel, box: CallbackBox) {
        self.redirectURI = redirectURI
        self.channel = channel
        self.box = box
    }

    /// Waits for the browser to come back, at most `timeout` seconds.
    public func waitForCallback(timeout: Double = 300) async throws(PSCError) -> CallbackParameters {
        let query: String?
        do {
            query = try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask { await self.box.wait() }
                group.addTask {
                    // Whatever ends the sleep (timeout or cancellation) must also release the waiter above,
                    // or the group would wait for it forever.
                    try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                    self.box.cancel()
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
        } catch {
            throw .cibaCancelled
        }
        guard let query else { throw .authorizationRefused(error: "timeout", description: "no redirect received") }
        return try CallbackParameters(query: query)
    }

    public func close() async {
        box.cancel()
        try? await channel.close()
    }
}

/// Hands one query string from the event loop to the async waiter. Once cancelled it answers nil for good.
final class CallbackBox: Sendable {
    private struct State {
        var query: String?
        var waiter: CheckedContinuation<String?, Never>?
        var cancelled = false
    }

    private let state = NIOLockedValueBox(State())

    func deliver(_ query: String) {
        let waiter: CheckedContinuation<String?, Never>? = state.withLockedValue { value in
            guard value.query == nil, !value.cancelled else { return nil }
            value.query = query
            let waiter = value.waiter
            value.waiter = nil
            return waiter
        }
        waiter?.resume(returning: query)
    }

    func cancel() {
        let waiter = state.withLockedValue { value in
            value.cancelled = true
            let waiter = value.waiter
            value.waiter = nil
            return waiter
        }
        waiter?.resume(returning: nil)
    }

    func wait() async -> String? {
        await withCheckedContinuation { continuation in
            let ready: String?? = state.withLockedValue { value in
                if let query = value.query { return .some(query) }
                if value.cancelled { return .some(nil) }
                value.waiter = continuation
                return .none
            }
            if case .some(let query) = ready { continuation.resume(returning: query) }
        }
    }
}

private final class LoopbackHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let path: String
    private let box: CallbackBox
    private var uri: String?

    init(path: String, box: CallbackBox) {
        self.path = path
        self.box = box
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            uri = head.method == .GET ? head.uri : nil
        case .body:
            break
        case .end:
            let target = uri ?? ""
            let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            let matches = parts.first.map(String.init) == path
            if matches { box.deliver(parts.count > 1 ? String(parts[1]) : "") }
            respond(context: context, found: matches)
        }
    }

    private func respond(context: ChannelHandlerContext, found: Bool) {
        let html =
            found
            ? "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Passerelle</title>"
                + "<p>Connexion reçue. Vous pouvez fermer cette fenêtre.</p></html>"
            : "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><p>Page inconnue.</p></html>"
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        headers.add(name: "Content-Length", value: "\(html.utf8.count)")
        headers.add(name: "Connection", value: "close")
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "Referrer-Policy", value: "no-referrer")
        let head = HTTPResponseHead(version: .http1_1, status: found ? .ok : .notFound, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: html)))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            bound.value.close(promise: nil)
        }
    }
}
