import AsyncHTTPClient
import Foundation
import NIOCore

/// `passerelle apps …` talks to the running broker over its Unix socket (never an open HTTP endpoint).
public struct AdminClient: Sendable {
    let socketPath: String

    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Sends one request; returns the decoded JSON answer or throws the broker's problem as `BrokerError`.
    public func call(_ method: String, _ path: String, json: [String: Any]? = nil) async throws(BrokerError) -> Any {
        guard FileManager.default.fileExists(atPath: socketPath) else {
            throw .adminUnavailable("no socket at \(socketPath): is passerelle serve running?")
        }
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: path) else {
            throw .adminUnavailable("bad socket path \(socketPath)")
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .init(rawValue: method)
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            let data = (try? JSONSerialization.data(withJSONObject: json)) ?? Data()
            request.body = .bytes(ByteBuffer(bytes: data))
        }
        let status: UInt
        let body: ByteBuffer
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            status = response.status.code
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            try? await client.shutdown()
            throw .adminUnavailable("\(error)")
        }
        try? await client.shutdown()
        let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        guard (200..<300).contains(status) else {
            let problem = object as? [String: Any]
            let code = problem?["code"] as? String ?? ""
            let detail = problem?["technicalDetail"] as? String ?? "HTTP \(status)"
            switch code {
            case "broker.apps.unknown":
                throw .unknownApp(detail.replacingOccurrences(of: "no app registered as ", with: ""))
            case "broker.apps.invalid":
                throw .invalidRegistration(detail.replacingOccurrences(of: "invalid registration: ", with: ""))
            default: throw .badRequest(detail)
            }
        }
        return object ?? [:]
    }
}
