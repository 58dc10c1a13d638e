import Foundation
import Hummingbird
import Observability

extension OpenIDProvider {
    /// Every public route behind the admission middleware. `mount` lets another module (the REST API of issue 9)
    /// add its group with `BearerAuthenticator` + `RequireScope` before the router is frozen.
    func makeRouter(mount: (Router<BrokerRequestContext>) -> Void = { _ in }) -> Router<BrokerRequestContext> {
        let router = Router(context: BrokerRequestContext.self)
        router.add(middleware: AdmissionMiddleware(policyProvider: { self.admissionPolicy }, registry: registry))
        router.get("/healthz") { _, _ in Replies.json(["status": "ok"]) }
        // Loopback only like everything else; counters and latencies, never a personal datum or a token.
        router.get("/metrics") { _, _ in
            Replies.raw(Data(PasserelleMetrics.render()), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/.well-known/openid-configuration") { _, _ in self.discovery() }
        router.get("/oidc/jwks") { _, _ in self.jwks() }
        router.get("/oidc/authorize") { request, _ in await self.authorize(request) }
        router.post("/oidc/token") { request, context in
            do throws(OAuthError) {
                return try await self.token(request, context: context)
            } catch {
                return Replies.oauth(error)
            }
        }
        router.post("/oidc/ciba") { request, context in
            do throws(OAuthError) {
                return try await self.cibaAuthenticate(request, context: context)
            } catch {
                return Replies.oauth(error)
            }
        }
        router.post("/oidc/revoke") { request, context in
            do throws(OAuthError) {
                return try await self.revoke(request, context: context)
            } catch {
                return Replies.oauth(error)
            }
        }
        router.get("/oidc/logout") { request, _ in await self.endSession(request) }
        router.post("/oidc/logout") { request, _ in await self.endSession(request) }
        router.post("/logout") { request, _ in try await self.confirmedLogout(request) }
        router.group("/oidc/userinfo")
            .add(middleware: BearerAuthenticator(provider: self))
            .add(middleware: RequireScope("openid"))
            .get { _, context in try self.userinfo(context) }
            .post { _, context in try self.userinfo(context) }
        router.get("/login") { request, _ in await self.loginPage(request) }
        router.get("/login/events") { _, _ in await self.cardEvents() }
        router.post("/login/pin") { request, _ in try await self.submitPIN(request) }
        router.post("/login/ecps") { request, _ in try await self.submitECPS(request) }
        router.get("/login/situation") { request, _ in self.situationPage(request) }
        router.post("/login/situation") { request, _ in try await self.chooseSituation(request) }
        router.post("/login/cancel") { request, _ in try await self.cancelLogin(request) }
        router.get(RouterPath(pscCallbackPath)) { request, _ in await self.pscCallback(request) }
        mount(router)
        return router
    }
}
