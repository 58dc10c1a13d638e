import Foundation
import Testing

@testable import ProSanteConnect

@Suite("RFC 8693 token exchange over mTLS against psc-sim")
struct TokenExchangeTests {
    static func exchanger(_ sim: SimulatorProcess) throws -> TokenExchanger {
        let certs = SimulatorProcess.certs
        let passphrase = try String(contentsOf: certs.appendingPathComponent("psc/passphrase.txt"), encoding: .utf8)
        return try TokenExchanger(
            configuration: TokenExchangeConfiguration(
                tokenEndpoint: sim.tokenExchange, clientID: "passerelle",
                pkcs12Path: certs.appendingPathComponent("psc/psc-client.p12").path, pkcs12Passphrase: passphrase,
                trustRootsPEM: certs.appendingPathComponent("ca/trust-test-roots.pem").path, scope: "dmp_read",
                audience: "fake-national-api"))
    }

    @Test("both cnf.x5t#S256 encodings are accepted and reported", arguments: ["rfc8705", "ans-base64-hex"])
    func exchange(_ encoding: String) async throws {
        let sim = try SimulatorProcess()
        try await sim.post("/settings", ["cnfEncoding": encoding])
        let client = try PSCClient(configuration: sim.configuration())
        defer { Task { await client.shutdown() } }
        let session = try await browserLogin(client)
        let exchanger = try Self.exchanger(sim)
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
}
