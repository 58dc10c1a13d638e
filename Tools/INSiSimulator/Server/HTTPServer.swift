import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// What an endpoint answers; `drop` closes the connection without answering (fault injection).
struct HTTPReply: Sendable {
    var status: HTTPResponseStatus
    var contentType: String
    var body: [UInt8]
    var headers: [(String, String)] = []
    var drop = false

    static func text(_ status: HTTPResponseStatus, _ text: String) -> HTTPReply {
        HTTPReply(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }
}

struct HTTPConnection: Sendable {
    let channel: any Channel
    let io: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// DER of the TLS client certificate, once the handshake is done.
    func peerCertificateDER() async -> [UInt8]? {
        let channel = self.channel
        return try? await channel.eventLoop.submit { () throws -> [UInt8]? in
            let handler = try channel.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self)
            return try handler.peerCertificate?.toDERBytes()
        }.get()
    }
}

typealias HTTPHandler = @Sendable (HTTPRequestHead, [UInt8], HTTPConnection) async -> HTTPReply

/// A small HTTP/1.1 server on NIO, with TLS when a context is given. Keeps connections alive.
enum HTTPServer {
    typealias Listener = NIOAsyncChannel<HTTPConnection, Never>

    static func bind(host: String, port: Int, tls: NIOSSLContext?) async throws -> Listener {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    let io = try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                    return HTTPConnection(channel: channel, io: io)
                }
            }
    }

    static func serve(_ listener: Listener, handler: @escaping HTTPHandler) async throws {
        try await listener.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in inbound {
                    group.addTask { await serve(connection, handler: handler) }
                }
            }
        }
    }

    private static func serve(_ connection: HTTPConnection, handler: @escaping HTTPHandler) async {
        do {
            try await connection.io.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body: [UInt8] = []
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                        body = []
                    case .body(let buffer):
                        body += buffer.readableBytesView
                        if body.count > 8 << 20 { return }
                    case .end:
                        guard let requestHead = head else { return }
                        let reply = await handler(requestHead, body, connection)
                        if reply.drop { return }
                        var headers = HTTPHeaders()
                        headers.add(name: "Content-Type", value: reply.contentType)
                        headers.add(name: "Content-Length", value: "\(reply.body.count)")
                        for (name, value) in reply.headers { headers.add(name: name, value: value) }
                        try await outbound.write(
                            .head(
                                HTTPResponseHead(version: requestHead.version, status: reply.status, headers: headers)))
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: reply.body))))
                        try await outbound.write(.end(nil))
                        if !requestHead.isKeepAlive { return }
                    }
                }
            }
        } catch {
            // TLS handshake refusals and resets end here: the peer sees the failure, the server goes on.
        }
    }
}
