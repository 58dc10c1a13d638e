import Foundation
import Hummingbird

/// The admin surface, served only on the Unix socket (mode 0600): app registration and key rotation.
/// Never mounted on the TCP listener.
extension OpenIDProvider {
    func makeAdminRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/apps") { _, _ in
            Replies.json(self.registry.all().map(AdminAppView.init).map(\.json))
        }
        router.post("/apps") { request, _ in
            var request = request
            do {
                let body = try await request.collectBody(upTo: 64 * 1024)
                let input = try JSONDecoder().decode(AdminAppInput.self, from: Data(body.readableBytesView))
                let secret = try self.registry.add(input.registration)
                self.audit.record("apps.added", ["client": input.clientID])
                var answer = AdminAppView(self.registry.app(input.clientID) ?? input.registration).json
                if let secret { answer["client_secret"] = secret }
                return Replies.json(answer, status: .created)
            } catch let error as BrokerError {
                return Replies.problem(error)
            } catch {
                return Replies.problem(.invalidRegistration("\(error)"))
            }
        }
        router.post("/apps/:id/rotate-secret") { _, context in
            let id = context.parameters.get("id") ?? ""
            do throws(BrokerError) {
                let secret = try self.registry.rotateSecret(id)
                self.audit.record("apps.secret-rotated", ["client": id])
                return Replies.json(["client_id": id, "client_secret": secret])
            } catch {
                return Replies.problem(error)
            }
        }
        router.delete("/apps/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            do throws(BrokerError) {
                try self.registry.remove(id)
                self.audit.record("apps.removed", ["client": id])
                return Replies.json(["client_id": id, "removed": true])
            } catch {
                return Replies.problem(error)
            }
        }
        // The public JWKS, for `passerelle keys export` (a cloud LGC verifying ID tokens offline).
        router.get("/keys") { _, _ in
            Replies.raw(self.keys.jwksDocument, contentType: "application/json")
        }
        router.post("/keys/rotate") { _, _ in
            do throws(BrokerError) {
                let kid = try self.keys.rotate()
                self.audit.record("keys.rotated", ["kid": kid])
                return Replies.json(["kid": kid, "published": self.keys.publishedKeyIDs])
            } catch {
                return Replies.problem(error)
            }
        }
        return router
    }
}

/// `POST /apps` body.
struct AdminAppInput: Decodable {
    var clientID: String
    var name: String?
    var kind: AppRegistration.Kind
    var redirectURIs: [String]?
    var origins: [String]?
    var scopes: [String]?
    var backchannelLogoutURI: String?
    var allowCIBA: Bool?

    enum CodingKeys: String, CodingKey {
        case clientID = "client_id"
        case name, kind, origins, scopes
        case redirectURIs = "redirect_uris"
        case backchannelLogoutURI = "backchannel_logout_uri"
        case allowCIBA = "allow_ciba"
    }

    var registration: AppRegistration {
        AppRegistration(
            clientID: clientID, name: name ?? clientID, kind: kind, redirectURIs: redirectURIs ?? [],
            origins: origins ?? [], scopes: scopes ?? ["openid", "profile"],
            backchannelLogoutURI: backchannelLogoutURI, allowCIBA: allowCIBA ?? false)
    }
}

/// What the admin API shows of an app: never the secret hash.
struct AdminAppView {
    let app: AppRegistration

    init(_ app: AppRegistration) {
        self.app = app
    }

    var json: [String: Any] {
        var object: [String: Any] = [
            "client_id": app.clientID, "name": app.name, "kind": app.kind.rawValue,
            "redirect_uris": app.redirectURIs, "origins": app.origins, "scopes": app.scopes,
            "allow_ciba": app.allowCIBA, "source": app.source.rawValue,
            "created_at": ISO8601DateFormatter().string(from: app.createdAt),
        ]
        if let uri = app.backchannelLogoutURI { object["backchannel_logout_uri"] = uri }
        return object
    }
}
