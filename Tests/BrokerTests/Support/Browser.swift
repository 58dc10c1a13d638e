import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

/// A minimal user agent over real HTTP: no automatic redirects, a cookie jar, raw headers when asked.
final class Browser: @unchecked Sendable {
    struct Reply {
        let status: Int
        let headers: [(String, String)]
        let body: String

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
        }

        var location: URLComponents? { header("location").flatMap(URLComponents.init(string:)) }

        func query(_ name: String) -> String? {
            location?.queryItems?.first { $0.name == name }?.value
        }
    }

    private let client: HTTPClient
    private var cookies: [String: String] = [:]

    init() {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit {
        try? client.syncShutdown()
    }

    func get(_ url: String, headers: [(String, String)] = []) async throws -> Reply {
        try await send("GET", url, headers: headers, body: nil)
    }

    func postForm(_ url: String, _ pairs: [(String, String)], headers: [(String, String)] = []) async throws -> Reply {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = pairs.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
        return try await send(
            "POST", url, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: body)
    }

    func send(_ method: String, _ url: String, headers: [(String, String)], body: String?) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if !cookies.isEmpty, !headers.contains(where: { $0.0.lowercased() == "cookie" }) {
            request.headers.add(name: "Cookie", value: cookies.map { "\($0)=\($1)" }.joined(separator: "; "))
        }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(15))
        let buffer = try await response.body.collect(upTo: 1 << 22)
        for value in response.headers["Set-Cookie"] {
            let pair = value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { cookies[parts[0]] = parts[1] }
        }
        return Reply(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: String(buffer: buffer))
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// PKCE pair (RFC 7636 S256).
struct PKCEPair {
    let verifier: String
    let challenge: String

    init() {
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        verifier = Self.base64url(Data(bytes))
        challenge = Self.base64url(Data(SHA256.hash(data: Data(verifier.utf8))))
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
