import Foundation
import Hummingbird
import NIOConcurrencyHelpers

/// The listeners' URLs, known only once the ports are bound (port 0 = any free port).
final class ListenerURLs: Sendable {
    private let box = NIOLockedValueBox<(main: String, mtls: String)>(("", ""))
    var main: String { box.withLockedValue { $0.main } }
    var mtls: String { box.withLockedValue { $0.mtls } }
    func set(main: String) { box.withLockedValue { $0.main = main } }
    func set(mtls: String) { box.withLockedValue { $0.mtls = mtls } }
}

/// URLs and shared parts of one running simulator.
struct Simulator: Sendable {
    let state: SimulatorState
    let signer: JWTSigner
    let urls: ListenerURLs
    /// `http(s)://host:port` of the main listener.
    var base: String { urls.main }
    /// `https://host:port` of the mTLS listener.
    var mtlsBase: String { urls.mtls }

    static let realmPath = "/auth/realms/esante-wallet"
    var issuer: String { base + Self.realmPath }
    var discoveryURL: String { issuer + "/.well-known/wallet-openid-configuration" }
    func openIDConnect(_ name: String, mtls: Bool = false) -> String {
        (mtls ? mtlsBase : base) + Self.realmPath + "/protocol/openid-connect/" + name
    }
    var tokenExchangeEndpoint: String { mtlsBase + "/api-as/token" }

    /// Applies a transport-level failure (5xx, timeout, malformed JSON) if one is armed for `endpoint`.
    func transportFailure(_ endpoint: String) async -> Response? {
        guard
            let failure = await state.takeFailure(endpoint, modes: ["http500", "http503", "timeout", "malformedJSON"])
        else { return nil }
        switch failure.mode {
        case "http500": return Reply.oauthError("server_error", "injected failure", status: .internalServerError)
        case "http503": return Reply.html("<h1>Service indisponible</h1>", status: .serviceUnavailable)
        case "timeout":
            let delay = Double(failure.value ?? "") ?? 30
            try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            return Reply.oauthError("temporarily_unavailable", "slow answer", status: .serviceUnavailable)
        default: return Reply.malformedJSON()
        }
    }

    enum ClientCheck {
        case ok(Fixture.Client, method: String)
        case failed(Response)
    }

    /// client_secret_basic, client_secret_post or tls_client_auth (only on the mTLS listener); exactly one.
    func authenticateClient(_ request: Request, form: [String: String], context: SimulatorContext) async
        -> ClientCheck
    {
        let fixture = state.fixture
        var methods: [(String, String, String?)] = []
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("basic ") {
            let encoded = String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)
            guard let data = Data(base64Encoded: encoded), let pair = String(data: data, encoding: .utf8),
                let colon = pair.firstIndex(of: ":")
            else { return .failed(Reply.oauthError("invalid_client", "bad Basic header", status: .unauthorized)) }
            let id = String(pair[..<colon]).removingPercentEncoding ?? ""
            let secret = String(pair[pair.index(after: colon)...]).removingPercentEncoding ?? ""
            methods.append(("client_secret_basic", id, secret))
        }
        if let secret = form["client_secret"] {
            methods.append(("client_secret_post", form["client_id"] ?? "", secret))
        }
        if methods.isEmpty, let id = form["client_id"], let cn = await context.peerCommonName() {
            guard let client = fixture.clients[id], client.tlsClientAuthSubjectCN == cn else {
                return .failed(Reply.oauthError("invalid_client", "certificate not registered", status: .unauthorized))
            }
            return .ok(client, method: "tls_client_auth")
        }
        guard methods.count == 1, let (method, id, secret) = methods.first else {
            return .failed(
                Reply.oauthError("invalid_client", "exactly one client authentication required", status: .unauthorized))
        }
        if let formID = form["client_id"], formID != id {
            return .failed(Reply.oauthError("invalid_client", "client_id mismatch", status: .unauthorized))
        }
        guard let client = fixture.clients[id], client.clientSecret == secret else {
            return .failed(Reply.oauthError("invalid_client", "unknown client or bad secret", status: .unauthorized))
        }
        return .ok(client, method: method)
    }
}
