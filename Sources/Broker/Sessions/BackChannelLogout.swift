import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// OIDC Back-Channel Logout 1.0: a signed `logout+jwt` POSTed to each app that registered a URI, without
/// following redirects, once per session end.
final class BackChannelLogout: Sendable {
    private let signer: JWSSigner
    private let clock: BrokerClock
    private let client: HTTPClient
    private let logger = Logger(label: "passerelle.broker.backchannel")

    init(signer: JWSSigner, clock: BrokerClock) {
        self.signer = signer
        self.clock = clock
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(2), read: .seconds(5))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func notify(_ apps: [AppRegistration], session: SSOSession, issuer: String) {
        for app in apps {
            guard let uri = app.backchannelLogoutURI else { continue }
            let now = clock.now()
            let claims: [String: Any] = [
                "iss": issuer, "aud": app.clientID, "iat": Int(now.timeIntervalSince1970),
                "exp": Int(now.addingTimeInterval(120).timeIntervalSince1970), "jti": Secrets.token(),
                "sub": session.subject, "sid": session.id,
                "events": ["http://schemas.openid.net/event/backchannel-logout": [String: String]()],
            ]
            guard let token = try? signer.sign(claims, type: "logout+jwt") else { continue }
            let client = self.client
            let logger = self.logger
            Task {
                var request = HTTPClientRequest(url: uri)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                request.body = .bytes(ByteBuffer(string: FormBody.encode([("logout_token", token)])))
                do {
                    let response = try await client.execute(request, timeout: .seconds(5))
                    logger.info(
                        "back-channel logout sent",
                        metadata: ["client": "\(app.clientID)", "status": "\(response.status.code)"])
                } catch {
                    logger.warning("back-channel logout failed", metadata: ["client": "\(app.clientID)"])
                }
            }
        }
    }

    func shutdown() async {
        try? await client.shutdown()
    }
}
