import Crypto
import Foundation
import Testing

@testable import ProSanteConnect

@Suite("RFC 8693 token exchange over mTLS against psc-sim")
struct TokenExchangeTests {
    static func exchanger(_ sim: SimulatorProcess, jwksURI: String? = nil) throws -> TokenExchanger {
        let certs = SimulatorProcess.certs
        let passphrase = try String(contentsOf: certs.appendingPathComponent("psc/passphrase.txt"), encoding: .utf8)
        return try TokenExchanger(
            configuration: TokenExchangeConfiguration(
                tokenEndpoint: sim.tokenExchange, clientID: "passerelle",
                pkcs12Path: certs.appendingPathComponent("psc/psc-client.p12").path, pkcs12Passphrase: passphrase,
                trustRootsPEM: certs.appendingPathComponent("ca/trust-test-roots.pem").path, scope: "dmp_read",
                audience: "fake-national-api", jwksURI: jwksURI, issuer: sim.mtls + "/api-as"))
    }

    @Test(
        "both cnf.x5t#S256 encodings are accepted and reported, with and without signature verification",
        arguments: ["rfc8705", "ans-base64-hex"], [false, true])
    func exchange(_ encoding: String, verifySignature: Bool) async throws {
        let sim = try SimulatorProcess()
        try await sim.post("/settings", ["cnfEncoding": encoding])
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let session = try await browserLogin(client)
        // psc-sim's fake national authorization server signs with the simulator's keys.
        let jwksURI = verifySignature ? try await client.metadata().jwksURI : nil
        let exchanger = try Self.exchanger(sim, jwksURI: jwksURI)
        defer { Task { await exchanger.shutdown() } }
        let token = try await exchanger.exchange(session)
        #expect(token.thumbprintEncoding.rawValue == encoding)
        #expect(!token.description.contains(token.accessToken))
    }

    @Test("a thumbprint of another certificate is refused")
    func mismatch() {
        let digest = [UInt8](repeating: 7, count: 32)
        #expect(CertificateBinding.match(Base64URL.encode([UInt8](repeating: 8, count: 32)), digest: digest) == nil)
        #expect(CertificateBinding.match(Base64URL.encode(digest), digest: digest) == .rfc8705)
        let hex = String(repeating: "07", count: 32)
        #expect(CertificateBinding.match(Data(hex.utf8).base64EncodedString(), digest: digest) == .ansBase64OfHex)
        #expect(
            CertificateBinding.match(Data(hex.uppercased().utf8).base64EncodedString(), digest: digest)
                == .ansBase64OfHex)
    }

    /// An exchanged token as the fake national authorization server would issue it, signed by `key`.
    static func exchangedToken(
        sim: SimulatorProcess, thumbprint: [UInt8], key: P256.Signing.PrivateKey, iss: String? = nil,
        exp: Double = Date().timeIntervalSince1970 + 3600
    ) throws -> String {
        let certs = SimulatorProcess.certs
        let jwk = try JSONSerialization.jsonObject(
            with: Data(contentsOf: certs.appendingPathComponent("psc/psc-es256-1.jwk.json")))
        let kid = (jwk as? [String: Any])?["kid"] as? String ?? ""
        let header = try JSONSerialization.data(withJSONObject: ["alg": "ES256", "typ": "at+jwt", "kid": kid])
        let claims = try JSONSerialization.data(
            withJSONObject: [
                "iss": iss ?? sim.mtls + "/api-as", "sub": "899700000013", "aud": "fake-national-api", "exp": exp,
                "iat": Date().timeIntervalSince1970, "cnf": ["x5t#S256": Base64URL.encode(thumbprint)],
            ] as [String: Any])
        let input = Base64URL.encode(header) + "." + Base64URL.encode(claims)
        let signature = try key.signature(for: Data(input.utf8)).rawRepresentation
        return input + "." + Base64URL.encode(signature)
    }

    @Test("an exchanged token not signed by the authorization server's keys, or not its own, is refused")
    func forgedExchangedToken() async throws {
        let sim = try SimulatorProcess()
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let exchanger = try Self.exchanger(sim, jwksURI: try await client.metadata().jwksURI)
        defer { Task { await exchanger.shutdown() } }
        let pem = try String(
            contentsOf: SimulatorProcess.certs.appendingPathComponent("psc/psc-es256-1.key.pem"), encoding: .utf8)
        let genuine = try P256.Signing.PrivateKey(pemRepresentation: pem)
        let print = exchanger.thumbprint
        // The genuine key, right issuer, bound to our certificate: accepted (the test's own control).
        let good = try Self.exchangedToken(sim: sim, thumbprint: print, key: genuine)
        #expect(try await exchanger.checkExchangedToken(good) == .rfc8705)
        // Same kid, another key: the binding alone would have let it through.
        let forged = try Self.exchangedToken(sim: sim, thumbprint: print, key: P256.Signing.PrivateKey())
        await #expect(throws: PSCError.invalidToken(.badSignature)) { try await exchanger.checkExchangedToken(forged) }
        let otherIssuer = try Self.exchangedToken(
            sim: sim, thumbprint: print, key: genuine, iss: "https://evil.invalid")
        await #expect(throws: PSCError.invalidToken(.wrongIssuer("https://evil.invalid"))) {
            try await exchanger.checkExchangedToken(otherIssuer)
        }
        let expired = try Self.exchangedToken(
            sim: sim, thumbprint: print, key: genuine, exp: Date().timeIntervalSince1970 - 3600)
        await #expect(throws: PSCError.invalidToken(.expired)) { try await exchanger.checkExchangedToken(expired) }
    }
}
