import Foundation
import Testing

@testable import ProSanteConnect

@Suite("Code flow against psc-sim")
struct CodeFlowTests {
    @Test("browser login with client_secret_basic yields the SubjectNameID identity and SubjectRefPro")
    func basicLogin() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let session = try await browserLogin(client, nationalID: "899700000021")
        #expect(session.identity.subjectNameID == "899700000021")
        #expect(session.identity.federatedSubject.hasPrefix("f:"))
        #expect(session.identity.familyName == "MEDECIN0000002")
        #expect(session.identity.acr == "eidas1")
        let refPro = try #require(session.identity.subjectRefPro)
        #expect(refPro.exercices.count == 2)
        #expect(refPro.exercices[0].activities.count == 3)
        #expect(refPro.exercices[0].activities[0].codeSectionPharmacien == nil)
        #expect(session.tokens.refreshToken != nil)
        #expect(!session.description.contains(session.tokens.accessToken))
    }

    @Test("client_secret_post, ES256 ID tokens and JWT userinfo")
    func postES256JWTUserinfo() async throws {
        let sim = try SimulatorProcess(["--id-token-alg", "ES256", "--userinfo-jwt"])
        let client = try PSCClient(
            configuration: sim.configuration(authentication: .clientSecretPost(secret: "TEST-secret-passerelle")))
        defer { Task { await client.shutdown() } }
        let session = try await browserLogin(client, nationalID: "899700000039", method: "ecps")
        #expect(session.identity.subjectNameID == "899700000039")
        let activity = try #require(session.identity.subjectRefPro?.exercices.first?.activities.first)
        #expect(activity.codeSectionPharmacien == "A")
        #expect(activity.otherFields["codePostal"] == "69003")
    }

    @Test("tls_client_auth over the mTLS aliases with the organisation PKCS#12")
    func mutualTLSLogin() async throws {
        let sim = try SimulatorProcess(["--tls"])
        let certs = SimulatorProcess.certs
        let passphrase = try String(contentsOf: certs.appendingPathComponent("psc/passphrase.txt"), encoding: .utf8)
        let client = try PSCClient(
            configuration: sim.configuration(
                authentication: .tlsClientAuth(
                    pkcs12Path: certs.appendingPathComponent("psc/psc-client.p12").path, passphrase: passphrase)))
        defer { Task { await client.shutdown() } }
        #expect(sim.psc.hasPrefix("https://"))
        let session = try await browserLogin(client, nationalID: "0699900060")
        #expect(session.identity.subjectNameID == "0699900060")
        #expect(session.identity.userInfo?.otherIDs == ["699900060"])
    }

    @Test("a professional with an empty SubjectRefPro still logs in")
    func emptyRefPro() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let session = try await browserLogin(client, nationalID: "899700000054")
        #expect(session.identity.subjectNameID == "899700000054")
        #expect(session.identity.subjectRefPro == nil)
    }

    @Test("the authorization URL carries PKCE S256, state, nonce and acr_values, never a secret")
    func authorizationURL() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let request = try await client.beginLogin()
        let query = Dictionary(
            FormEncoding.decode(String(request.url.split(separator: "?")[1])), uniquingKeysWith: { a, _ in a })
        #expect(query["code_challenge_method"] == "S256")
        #expect(query["code_challenge"]?.count == 43)
        #expect(query["state"]?.count == 43)
        #expect(query["nonce"]?.count == 43)
        #expect(query["acr_values"] == "eidas1")
        #expect(query["scope"] == "openid scope_all")
        #expect(!request.url.contains("TEST-secret"))
        #expect(request.url.hasPrefix(sim.psc + "/auth?"))
    }

    @Test("the user cancelling on the login page gives access_denied and no session")
    func cancelled() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let receiver = try await LoopbackRedirectReceiver.start()
        defer { Task { await receiver.close() } }
        let request = try await client.beginLogin(redirectURI: receiver.redirectURI)
        try await Browser.login(request.url, nationalID: "899700000013", cancel: true)
        let callback = try await receiver.waitForCallback(timeout: 10)
        await #expect(
            throws: PSCError.authorizationRefused(error: "access_denied", description: "refus de l'utilisateur")
        ) {
            try await client.completeLogin(callback)
        }
    }
}
