import Crypto
import Foundation
import Hummingbird

extension Simulator {
    /// `POST /api-as/token` on the mTLS listener: the authorization server of a fake national API (RFC 8693).
    /// The issued token carries `cnf.x5t#S256` of the client certificate, in the configured encoding.
    func tokenExchange(_ request: Request, context: SimulatorContext) async -> Response {
        await state.count("token-exchange")
        guard let der = await context.peerCertificateDER() else {
            return Reply.oauthError("invalid_client", "mutual TLS required", status: .unauthorized)
        }
        guard let form = try? await Form.body(request) else { return Reply.oauthError("invalid_request", "body") }
        guard form["grant_type"] == "urn:ietf:params:oauth:grant-type:token-exchange" else {
            return Reply.oauthError("unsupported_grant_type", "token exchange only")
        }
        let accepted = ["urn:ietf:params:oauth:token-type:access_token", "urn:ietf:params:oauth:token-type:jwt"]
        guard let type = form["subject_token_type"], accepted.contains(type) else {
            return Reply.oauthError("invalid_request", "unsupported subject_token_type")
        }
        guard let subject = form["subject_token"], let grant = await state.accessGrant(subject),
            let person = state.fixture.professional(grant.nationalID)
        else { return Reply.oauthError("invalid_grant", "subject token inactive") }
        let digest = Array(SHA256.hash(data: der))
        let thumbprint: String
        if await state.settings.cnfEncoding == "ans-base64-hex" {
            let hex = digest.map { String(format: "%02x", $0) }.joined()
            thumbprint = Data(hex.utf8).base64EncodedString()
        } else {
            thumbprint = JWTSigner.encode(Data(digest))
        }
        let now = Date().timeIntervalSince1970.rounded(.down)
        let lifetime = 3600.0
        let claims: [String: Any] = [
            "iss": mtlsBase + "/api-as", "sub": person.nationalID, "aud": form["audience"] ?? "fake-national-api",
            "scope": form["scope"] ?? "", "iat": now, "exp": now + lifetime, "client_id": form["client_id"] ?? "",
            "cnf": ["x5t#S256": thumbprint], "jti": SimulatorState.randomID(12),
        ]
        guard let token = try? signer.sign(claims, algorithm: "ES256", generation: 0, type: "at+jwt") else {
            return Reply.oauthError("server_error", "signing failed", status: .internalServerError)
        }
        return Reply.json([
            "access_token": token, "issued_token_type": "urn:ietf:params:oauth:token-type:access_token",
            "token_type": "Bearer", "expires_in": Int(lifetime),
        ])
    }
}
