import Foundation

extension PSCClient {
    /// Userinfo as JSON or as a signed JWT, chosen by the response's content type (psc.md §5).
    func fetchUserInfo(accessToken: String, metadata: ProviderMetadata) async throws(PSCError) -> PSCUserInfo? {
        guard
            let url = metadata.endpoint(
                "userinfo_endpoint", default: metadata.userinfoEndpoint, mutualTLS: usesMutualTLS)
        else { return nil }
        let reply = try await transport.get(
            url, endpoint: "userinfo", accept: "application/json, application/jwt", bearer: accessToken)
        guard reply.status == 200 else {
            throw .malformedResponse(endpoint: "userinfo", detail: "HTTP \(reply.status)")
        }
        let mediaType = reply.contentType.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        var json = reply.body
        if mediaType == "application/jwt" {
            let token = String(decoding: reply.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            json = try await validator.verifiedPayload(token, jwksURI: metadata.jwksURI)
            try checkSignedUserInfoClaims(json)
        }
        do {
            return try JSONDecoder().decode(PSCUserInfo.self, from: json)
        } catch {
            throw .malformedResponse(endpoint: "userinfo", detail: "\(error)")
        }
    }

    /// OIDC Core §5.3.2: a signed userinfo should carry iss and aud; when present they must be ours.
    private func checkSignedUserInfoClaims(_ json: Data) throws(PSCError) {
        struct Envelope: Decodable {
            var iss: String?
            var aud: Audience?
        }
        enum Audience: Decodable {
            case one(String)
            case many([String])
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let one = try? container.decode(String.self) {
                    self = .one(one)
                } else {
                    self = .many(try container.decode([String].self))
                }
            }
            var values: [String] {
                switch self {
                case .one(let value): [value]
                case .many(let values): values
                }
            }
        }
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: json) else {
            throw .malformedResponse(endpoint: "userinfo", detail: "JWT payload is not a JSON object")
        }
        if let iss = envelope.iss, iss != configuration.issuer { throw .invalidToken(.wrongIssuer(iss)) }
        if let aud = envelope.aud, !aud.values.contains(configuration.clientID) {
            throw .invalidToken(.wrongAudience)
        }
    }
}
