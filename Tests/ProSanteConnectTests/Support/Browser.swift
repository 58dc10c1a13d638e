import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

@testable import ProSanteConnect

/// Drives the simulator's login page the way a browser does: GET the authorization URL, read the HTML form,
/// POST it, and follow the redirects down to the loopback callback. Nothing between is mocked.
enum Browser {
    static let client: HTTPClient = {
        // The browser of the tests trusts the TEST root, as a workstation configured for the demo would.
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .file(SimulatorProcess.certs.appendingPathComponent("ca/trust-test-roots.pem").path)
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .follow(max: 5, allowCycles: false))
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(10))
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    struct Page {
        var status: Int
        var body: String
    }

    static func get(_ url: String) async throws -> Page {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Page(status: Int(response.status.code), body: String(buffer: body))
    }

    /// Logs in as `nationalID` with the card ("cps") or the app ("ecps"); `cancel` presses « Annuler ».
    @discardableResult
    static func login(_ authorizationURL: String, nationalID: String, method: String = "cps", cancel: Bool = false)
        async throws -> Page
    {
        let page = try await get(authorizationURL)
        guard page.status == 200 else { throw SimulatorLaunchError("login page HTTP \(page.status): \(page.body)") }
        guard let action = capture(#"<form method="post" action="([^"]+)""#, in: page.body),
            let requestID = capture(#"name="request_id" value="([^"]+)""#, in: page.body)
        else { throw SimulatorLaunchError("no login form in page") }
        guard page.body.contains("value=\"\(nationalID)\"") else {
            throw SimulatorLaunchError("professional \(nationalID) not offered")
        }
        guard let authorization = URL(string: authorizationURL),
            let target = URL(string: action, relativeTo: authorization)
        else { throw SimulatorLaunchError("bad form action") }
        var request = HTTPClientRequest(url: target.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let form = FormEncoding.encode([
            ("request_id", requestID), ("professional", nationalID), ("method", method),
            ("action", cancel ? "cancel" : "login"),
        ])
        request.body = .bytes(ByteBuffer(string: form))
        let response = try await client.execute(request, timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Page(status: Int(response.status.code), body: String(buffer: body))
    }

    static func capture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range]).replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// One complete browser login through the loopback receiver.
func browserLogin(_ client: PSCClient, nationalID: String = "899700000013", method: String = "cps")
    async throws -> PSCSession
{
    let receiver = try await LoopbackRedirectReceiver.start()
    defer { Task { await receiver.close() } }
    let request = try await client.beginLogin(redirectURI: receiver.redirectURI)
    try await Browser.login(request.url, nationalID: nationalID, method: method)
    let callback = try await receiver.waitForCallback(timeout: 10)
    return try await client.completeLogin(callback)
}
