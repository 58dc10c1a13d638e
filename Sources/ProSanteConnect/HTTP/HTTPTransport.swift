import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// One HTTP exchange's outcome, body fully read (bounded).
struct HTTPReply: Sendable {
    var status: Int
    var contentType: String
    var body: Data
}

/// The only place that touches the network. Never follows redirects (an OAuth endpoint that redirects is
/// misconfigured or hostile), maps transport failures and 5xx to `PSCError.unavailable`, and never logs bodies.
final class HTTPTransport: Sendable {
    private let client: HTTPClient
    private let timeout: TimeAmount
    private static let maximumBody = 2 * 1024 * 1024

    init(trustRootsPEM: String?, identity: TLSIdentity?, timeout: Double) throws(PSCError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let trustRootsPEM {
            tls.trustRoots = .file(trustRootsPEM)
        }
        if let identity {
            tls.certificateChain = identity.chain.map { .certificate($0) }
            tls.privateKey = .privateKey(identity.privateKey)
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .milliseconds(Int64(timeout * 1000)))
        )
        configuration.httpVersion = .http1Only
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.timeout = .milliseconds(Int64(timeout * 1000))
    }

    deinit {
        try? client.syncShutdown()
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    func get(_ url: String, endpoint: String, accept: String = "application/json", bearer: String? = nil)
        async throws(PSCError) -> HTTPReply
    {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: accept)
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        return try await execute(request, endpoint: endpoint)
    }

    func postForm(_ url: String, endpoint: String, form: [(String, String)], headers: [(String, String)] = [])
        async throws(PSCError) -> HTTPReply
    {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode(form)))
        return try await execute(request, endpoint: endpoint)
    }

    private func execute(_ request: HTTPClientRequest, endpoint: String) async throws(PSCError) -> HTTPReply {
        let reply: HTTPReply
        do {
            let response = try await client.execute(request, timeout: timeout)
            let buffer = try await response.body.collect(upTo: Self.maximumBody)
            reply = HTTPReply(
                status: Int(response.status.code),
                contentType: response.headers.first(name: "Content-Type") ?? "",
                body: Data(buffer.readableBytesView)
            )
        } catch {
            throw .unavailable(endpoint: endpoint, detail: Self.describe(error))
        }
        if (500...599).contains(reply.status) {
            throw .unavailable(endpoint: endpoint, detail: "HTTP \(reply.status)")
        }
        return reply
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return "HTTP client: \(error)" }
        if let error = error as? NIOSSLError { return "TLS: \(error)" }
        return "\(type(of: error)): \(error)"
    }
}
