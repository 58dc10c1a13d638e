import Broker
import Foundation
import Hummingbird

extension APIHandlers {
    func register(sessionAndCard routes: APIRoutes) {
        routes.add(.get, "/api/v1/session", scope: "openid") { _, context in
            try await mapped { () async throws -> Response in
                guard let grant = context.grant, let session = provider.session(for: grant) else {
                    throw BrokerError.unauthorized("session ended")
                }
                var object: [String: Any] = [
                    "subject": session.subject, "clientId": grant.clientID, "scopes": grant.scopes.sorted(),
                    "acr": session.acr, "amr": provider.amr(session), "method": session.method.rawValue,
                    "authTime": APIJSON.iso(session.authTime), "tokenExpiresAt": APIJSON.iso(grant.expiresAt),
                    "situation": provider.situationClaims(session),
                ]
                object["givenName"] = APIJSON.optional(session.givenName)
                object["familyName"] = APIJSON.optional(session.familyName)
                object["cardBound"] = session.cardSerial != nil
                return Replies.json(object)
            }
        }
        routes.add(.get, "/api/v1/card", scope: "api:card") { _, _ in
            Replies.json(await provider.cardStatus())
        }
        routes.add(.get, "/api/v1/card/events", scope: "api:card") { _, _ in
            await provider.cardEventStream()
        }
    }
}
