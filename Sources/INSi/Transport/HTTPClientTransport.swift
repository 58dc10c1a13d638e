import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// The production transport: AsyncHTTPClient with a kept-alive connection pool, the TLS settings above and a
/// per-call deadline. One instance per mode/endpoint; call `shutdown()` before dropping it.
public final class HTTPClientTransport: INSiTransport {
    private let client: HTTPClient
    public let maximumResponseSize: Int

    public init(tls: INSiTLSSettings, connectTimeout: Duration = .seconds(5), maximumResponseSize: Int = 4 << 20)
        throws(INSiError)
    {
        let tlsConfiguration = try tls.makeConfiguration()
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tlsConfiguration,
            timeout: .init(connect: .init(connectTimeout)),
            ignoreUncleanSSLShutdown: false)
        configuration.decompression = .disabled
        configuration.httpVersion = .http1Only
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.maximumResponseSize = maximumResponseSize
    }

    public func send(_ request: INSiHTTPRequest) async throws(INSiError) -> INSiHTTPResponse {
        var http = HTTPClientRequest(url: request.url)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: request.operation.contentType)
        http.headers.add(name: "Accept", value: "application/soap+xml")
        http.body = .bytes(ByteBuffer(bytes: request.body))
        let prepared = http
        let client = self.client
        let limit = maximumResponseSize
        let timeout = request.timeout
        do {
            // AsyncHTTPClient only checks its deadline between phases; the race makes a hung answer give up on time.
            return try await withThrowingTaskGroup(of: INSiHTTPResponse.self) { group in
                group.addTask {
                    let response = try await client.execute(prepared, timeout: .init(timeout))
                    let body = try await response.body.collect(upTo: limit)
                    var headers: [String: String] = [:]
                    for (name, value) in response.headers { headers[name.lowercased()] = value }
                    return INSiHTTPResponse(
                        status: Int(response.status.code), body: Array(buffer: body), headers: headers)
                }
                group.addTask {
                    // A little after AsyncHTTPClient's own deadline, so that its precise error (e.g. the TLS
                    // refusal behind repeated connection attempts) wins when it has one.
                    try await Task.sleep(for: timeout + .milliseconds(250))
                    throw DeadlineExceeded(timeout: timeout)
                }
                guard let first = try await group.next() else { throw DeadlineExceeded(timeout: timeout) }
                group.cancelAll()
                return first
            }
        } catch {
            throw Self.classify(error)
        }
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    static func classify(_ error: any Error) -> INSiError {
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .tls("\(error)")
        }
        let text = "\(error)"
        if text.contains("SSL") || text.contains("certificate") || text.contains("handshake") {
            return .tls(text)
        }
        return .transport(text)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

struct DeadlineExceeded: Error, CustomStringConvertible {
    let timeout: Duration
    var description: String { "no complete answer within \(timeout)" }
}
