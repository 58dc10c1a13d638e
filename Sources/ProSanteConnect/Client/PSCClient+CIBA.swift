import Foundation

extension PSCClient {
    /// Sends the push (psc.md §4). The returned binding message must be displayed to the user.
    public func startCIBA(loginHint: String, channel: CIBAChannel, bindingMessage: String? = nil)
        async throws(PSCError) -> CIBARequest
    {
        let metadata = try await metadata()
        guard
            let url = metadata.endpoint(
                "backchannel_authentication_endpoint", default: metadata.backchannelAuthenticationEndpoint,
                mutualTLS: usesMutualTLS)
        else { throw .configuration("provider advertises no backchannel_authentication_endpoint") }
        let message = bindingMessage ?? Secrets.bindingMessage()
        var form: [(String, String)] = [
            ("scope", configuration.scopes.joined(separator: " ")),
            ("login_hint", loginHint),
            ("binding_message", message),
            ("channel", channel.rawValue),
        ]
        if !configuration.acrValues.isEmpty {
            form.append(("acr_values", configuration.acrValues.joined(separator: " ")))
        }
        let reply = try await poster.post(url, endpoint: "ciba", form: form)
        guard reply.status == 200 else {
            if let body = OAuthErrorBody.parse(reply) {
                throw .tokenRequestFailed(error: body.error, description: body.errorDescription, status: reply.status)
            }
            throw .malformedResponse(endpoint: "ciba", detail: "HTTP \(reply.status)")
        }
        let response: CIBARequest.Response
        do {
            response = try JSONDecoder().decode(CIBARequest.Response.self, from: reply.body)
        } catch {
            throw .malformedResponse(endpoint: "ciba", detail: "\(error)")
        }
        return CIBARequest(
            authReqID: response.authReqID, bindingMessage: message, channel: channel,
            expiresAt: clock.now().addingTimeInterval(response.expiresIn),
            interval: max(response.interval ?? 5, 1))
    }

    /// Polls the token endpoint until the user answers (poll mode). Honours `interval`, adds 5 s on
    /// `slow_down`, stops on `expired_token`, `access_denied`, the request's own expiry, or task cancellation.
    public func waitForCIBA(_ request: CIBARequest) async throws(PSCError) -> PSCSession {
        let metadata = try await metadata()
        var interval = request.interval
        while true {
            do {
                try await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            } catch {
                throw .cibaCancelled
            }
            if Task.isCancelled { throw .cibaCancelled }
            if clock.now() >= request.expiresAt { throw .cibaExpired }
            do {
                let response = try await poster.requestTokens(
                    tokenEndpoint(metadata),
                    form: [("grant_type", "urn:openid:params:grant-type:ciba"), ("auth_req_id", request.authReqID)])
                return try await makeSession(
                    response, metadata: metadata, nonce: nil, method: "ciba:\(request.channel.rawValue)")
            } catch {
                guard case .tokenRequestFailed(let code, _, _) = error else { throw error }
                switch code {
                case "authorization_pending": continue
                case "slow_down": interval += 5
                case "expired_token": throw .cibaExpired
                case "access_denied": throw .cibaDenied
                default: throw error
                }
            }
        }
    }
}
