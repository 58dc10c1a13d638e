import Hummingbird

extension Simulator {
    /// The PSC endpoints, served identically on both listeners (the mTLS one adds certificate checks).
    func registerProtocol(on router: Router<SimulatorContext>) {
        let realm = Self.realmPath
        let oidc = realm + "/protocol/openid-connect"
        router.get("\(realm)/.well-known/wallet-openid-configuration") { _, _ in await self.discovery() }
        router.get("/auth") { request, _ in await self.authorize(request) }
        router.post("/auth/login") { request, _ in await self.login(request) }
        router.post("\(oidc)/token") { request, context in await self.token(request, context: context) }
        router.get("\(oidc)/userinfo") { request, _ in await self.userinfo(request) }
        router.post("\(oidc)/userinfo") { request, _ in await self.userinfo(request) }
        router.get("\(oidc)/certs") { _, _ in await self.jwks() }
        router.post("\(oidc)/token/introspect") { request, context in await self.introspect(request, context: context) }
        router.get("\(oidc)/logout") { request, _ in await self.logoutRedirect(request) }
        router.post("\(oidc)/logout") { request, context in await self.logoutBackChannel(request, context: context) }
        router.post("\(oidc)/ext/ciba/auth") { request, context in
            await self.cibaAuthenticate(request, context: context)
        }
    }
}
