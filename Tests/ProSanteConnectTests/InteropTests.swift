import Foundation
import Testing

@testable import ProSanteConnect

/// The same client against an independent OpenID Provider (idpyoidc), started by
/// `Tools/test.d/60-psc-interop.sh`, which sets `PSC_INTEROP_ISSUER` and `PSC_INTEROP_SECRET`.
@Suite(
    "PSCInterop: idpyoidc as the provider",
    .enabled(if: ProcessInfo.processInfo.environment["PSC_INTEROP_ISSUER"] != nil))
struct PSCInteropTests {
    static func client(scopes: [String] = ["openid", "scope_all"], prompt: String? = nil) throws -> PSCClient {
        let environment = ProcessInfo.processInfo.environment
        let issuer = environment["PSC_INTEROP_ISSUER"] ?? ""
        var configuration = PSCConfiguration(
            issuer: issuer, discoveryURL: issuer + "/.well-known/openid-configuration", clientID: "passerelle",
            clientAuthentication: .clientSecretBasic(secret: environment["PSC_INTEROP_SECRET"] ?? ""),
            scopes: scopes, acceptedACR: ["eidas1"], requestTimeout: 5)
        configuration.prompt = prompt
        return try PSCClient(configuration: configuration)
    }

    /// idpyoidc authenticates without a page: the authorization URL redirects straight to the loopback.
    static func login(_ client: PSCClient) async throws -> PSCSession {
        let receiver = try await LoopbackRedirectReceiver.start()
        defer { Task { await receiver.close() } }
        let request = try await client.beginLogin(redirectURI: receiver.redirectURI)
        _ = try await Browser.get(request.url)
        return try await client.completeLogin(try await receiver.waitForCallback(timeout: 10))
    }

    @Test("code + PKCE S256 login, ID token verified with idpyoidc's JWKS, userinfo with SubjectRefPro")
    func codeFlow() async throws {
        let client = try Self.client()
        defer { Task { await client.shutdown() } }
        let session = try await Self.login(client)
        #expect(session.identity.subjectNameID == "899700000013")
        #expect(session.identity.subjectRefPro?.exercices.first?.activities.first?.otherFields["codePostal"] == "69003")
    }

    @Test("refresh against idpyoidc (offline_access with prompt=consent makes it issue a refresh token)")
    func refresh() async throws {
        let client = try Self.client(scopes: ["openid", "scope_all", "offline_access"], prompt: "consent")
        defer { Task { await client.shutdown() } }
        let session = try await Self.login(client)
        let renewed = try await client.refresh(session)
        #expect(renewed.tokens.accessToken != session.tokens.accessToken)
        #expect(renewed.identity.subjectNameID == "899700000013")
    }

    @Test("a forged state is refused before any request to idpyoidc")
    func forgedState() async throws {
        let client = try Self.client()
        defer { Task { await client.shutdown() } }
        _ = try await client.beginLogin()
        await #expect(throws: PSCError.stateMismatch) {
            try await client.completeLogin(CallbackParameters(code: "x", state: "forged"))
        }
    }
}
