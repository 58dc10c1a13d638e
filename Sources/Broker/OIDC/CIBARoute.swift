import Foundation
import Hummingbird
import ProSanteConnect

extension OpenIDProvider {
    /// `POST /oidc/ciba`: a native app without a browser asks for an e-CPS (or CPS-Gestion) push login. The
    /// broker talks to PSC (psc.md §4: a thick client must not); the app polls `/oidc/token`. An active session
    /// of the same professional answers at once (SSO).
    func cibaAuthenticate(_ request: Request, context: BrokerRequestContext) async throws(OAuthError) -> Response {
        var request = request
        let form: FormBody
        do {
            form = FormBody(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        } catch {
            throw .invalidRequest("unreadable body")
        }
        guard form.duplicates.isEmpty else { throw .invalidRequest("duplicate parameters") }
        let app = try authenticateClient(request, form: form, crossOrigin: context.crossOrigin)
        guard app.allowCIBA else { throw .unauthorizedClient("CIBA is not enabled for this app") }
        let scopes = try app.grant((form["scope"] ?? "").split(separator: " ").map(String.init))
        let presentCard = await card.presentCard
        guard let hint = form["login_hint"] ?? presentCard?.nationalID else {
            throw .invalidRequest("login_hint is required when no card is inserted")
        }
        if let binding = form["binding_message"], binding.count > 20 {
            throw .invalidRequest("binding_message too long")
        }
        let now = clock.now()
        if let session = sessions.active(), session.subject == hint, !session.needsSituation {
            let id = ciba.create(
                .init(
                    clientID: app.clientID, scopes: scopes, expiresAt: now.addingTimeInterval(120), interval: 1,
                    status: .approved(sessionID: session.id)))
            return Replies.json(["auth_req_id": id, "expires_in": 120, "interval": 1])
        }
        let usesCard = presentCard?.nationalID == hint
        let started: CIBARequest
        do throws(LoginFailure) {
            started = try await startCIBA(hint: hint, channel: usesCard ? .card : .mobile)
        } catch {
            switch error {
            case .pscUnavailable, .pscNotConfigured:
                throw OAuthError(error: "temporarily_unavailable", description: error.technicalDetail, status: 503)
            default:
                throw .accessDenied(error.technicalDetail)
            }
        }
        let id = ciba.create(
            .init(
                clientID: app.clientID, scopes: scopes, expiresAt: started.expiresAt, interval: started.interval,
                status: .pending))
        let method: LoginMethod = usesCard ? .cardPIN : .eCPS
        let cardUsed = usesCard ? presentCard : nil
        let task = Task { [self] in
            do {
                let login = try await requirePSC().waitForCIBA(started)
                _ = try await afterLogin(login, method: method, card: cardUsed)
                if let session = sessions.active() { ciba.resolve(id, .approved(sessionID: session.id)) }
            } catch let failure as LoginFailure {
                BrokerMetrics.login(method: method.rawValue, outcome: failure.code)
                ciba.resolve(id, .failed(failure))
            } catch let error as PSCError {
                ciba.resolve(id, .failed(LoginFailure.from(error)))
            } catch {
                ciba.resolve(id, .failed(.other("\(error)")))
            }
        }
        ciba.attach(id, task: task)
        audit.record("ciba.started", ["client": app.clientID])
        return Replies.json([
            "auth_req_id": id, "expires_in": max(1, Int(started.expiresAt.timeIntervalSince(now))),
            "interval": Int(started.interval), "binding_message": started.bindingMessage,
        ])
    }

    func pollCIBA(_ form: FormBody, app: AppRegistration) async throws(OAuthError) -> [String: Any] {
        guard let id = form["auth_req_id"] else { throw .invalidRequest("auth_req_id is missing") }
        switch ciba.poll(id, clientID: app.clientID) {
        case .unknown: throw .invalidGrant("unknown auth_req_id")
        case .wrongClient: throw .invalidGrant("auth_req_id belongs to another client")
        case .slowDown: throw OAuthError(error: "slow_down", description: "polling faster than interval")
        case .expired: throw OAuthError(error: "expired_token", description: "auth_req_id expired")
        case .entry(let entry):
            switch entry.status {
            case .pending:
                throw OAuthError(error: "authorization_pending", description: "waiting for the professional")
            case .failed(let failure):
                if case .expired = failure {
                    throw OAuthError(error: "expired_token", description: failure.technicalDetail)
                }
                throw .accessDenied(failure.technicalDetail)
            case .approved(let sessionID):
                guard let session = sessions.active(touch: true), session.id == sessionID else {
                    throw .invalidGrant("the session has ended")
                }
                do throws(BrokerError) {
                    return try issueTokens(for: session, clientID: app.clientID, scopes: entry.scopes, nonce: nil).body
                } catch {
                    throw OAuthError(error: "server_error", description: error.technicalDetail, status: 500)
                }
            }
        }
    }
}
