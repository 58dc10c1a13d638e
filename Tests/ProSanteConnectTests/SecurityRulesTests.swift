import Crypto
import Foundation
import Testing

@testable import ProSanteConnect

@Suite("Security rules of the client")
struct SecurityRulesTests {
    @Test("configurations allowing none or HS* are refused")
    func forbiddenAlgorithms() {
        for algs in [["none"], ["HS256"], ["RS256", "hs512"], []] {
            let configuration = PSCConfiguration(
                issuer: "https://psc.invalid/realm", clientID: "c",
                clientAuthentication: .clientSecretBasic(secret: "s"),
                allowedAlgorithms: algs)
            #expect(throws: PSCError.self) { try configuration.validate() }
        }
    }

    @Test("an HS256 token MACed with the RSA public key is refused before any key lookup")
    func hmacConfusion() async throws {
        let sim = try SimulatorProcess()
        let configuration = sim.configuration()
        let client = try PSCClient(configuration: configuration)
        defer { Task { await client.shutdown() } }
        let metadata = try await client.metadata()
        let publicPEM = try String(
            contentsOf: SimulatorProcess.certs.appendingPathComponent("psc/psc-rs256-1.pub.pem"), encoding: .utf8)
        let header = Base64URL.encode(
            Data(#"{"alg":"HS256","kid":"Z0UAYD5TzSIbo2lVwmcUj7pPcbcP6RqN-An9c_Qft_A"}"#.utf8))
        let now = Int(Date().timeIntervalSince1970)
        let payload = Base64URL.encode(
            Data(
                #"{"iss":"\#(sim.issuer)","sub":"x","aud":"passerelle","exp":\#(now + 60),"iat":\#(now),"acr":"eidas1"}"#
                    .utf8))
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(header).\(payload)".utf8), using: SymmetricKey(data: Data(publicPEM.utf8)))
        let token = "\(header).\(payload).\(Base64URL.encode(Data(mac)))"
        await #expect(throws: PSCError.invalidToken(.unsupportedAlgorithm("HS256"))) {
            try await client.validator.validateIDToken(token, metadata: metadata, expectedNonce: nil)
        }
        #expect(await client.jwksFetchCount() == 0)
    }

    @Test("state, nonce and verifier are 256-bit random and distinct; comparison is exact")
    func randomness() {
        let values = (0..<100).map { _ in Secrets.randomToken() }
        #expect(Set(values).count == 100)
        #expect(values.allSatisfy { $0.count == 43 })
        #expect(Secrets.constantTimeEquals("abc", "abc"))
        #expect(!Secrets.constantTimeEquals("abc", "abd"))
        #expect(!Secrets.constantTimeEquals("abc", "abcd"))
        #expect(!Secrets.constantTimeEquals("", "a"))
    }

    @Test("PKCE challenge is the S256 of the verifier (RFC 7636 appendix B vector)")
    func pkceVector() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        #expect(
            Base64URL.encode(SHA256.hash(data: Data(verifier.utf8))) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        let pkce = PKCE()
        #expect(pkce.challenge == Base64URL.encode(SHA256.hash(data: Data(pkce.verifier.utf8))))
    }

    @Test(
        "malformed JWTs are refused with a typed error", arguments: ["", "a.b", "a.b.c.d.e", "!!.e30.", "e30.e30.e30"])
    func malformed(_ token: String) {
        #expect(throws: PSCError.self) { try CompactJWS(token) }
    }
}

@Suite("Configuration decoding")
struct ConfigurationDecodingTests {
    @Test("only issuer, client id and authentication are required")
    func minimal() throws {
        let json = #"""
            {"issuer": "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet", "clientID": "c",
             "clientAuthentication": {"method": "tls_client_auth", "pkcs12": "/x.p12", "passphrase": "p"}}
            """#
        let configuration = try JSONDecoder().decode(PSCConfiguration.self, from: Data(json.utf8))
        #expect(
            configuration.effectiveDiscoveryURL
                == "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"
        )
        #expect(configuration.scopes == ["openid", "scope_all"])
        #expect(configuration.clientAuthentication == .tlsClientAuth(pkcs12Path: "/x.p12", passphrase: "p"))
        let again = try JSONDecoder().decode(PSCConfiguration.self, from: JSONEncoder().encode(configuration))
        #expect(again == configuration)
    }
}
