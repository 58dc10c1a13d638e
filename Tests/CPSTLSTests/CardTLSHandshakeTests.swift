import CPS
import CPSTLS
import Foundation
import NIOSSL
import Testing
import VirtualCPSCard

@Suite("TLS 1.2 client authentication with the card key (in-process virtual card)")
struct CardTLSHandshakeTests {
    static func card(_ id: String = "medecin-1") throws -> CPSCard {
        let catalog = try CardCatalog.load(
            from: TLSTestPeers.repository.appendingPathComponent("Certs/cards/cards.json"))
        let content = try #require(catalog.cards.first { $0.id == id })
        return try CPSCard(channel: InProcessCardChannel(content: content), cache: CardDataCache())
    }

    @Test("the handshake succeeds in TLS 1.2; the server sees the card certificate; the card signs off the event loop")
    func handshake() async throws {
        let card = try Self.card()
        let identity = try await card.readIdentity()
        try await card.verifyPIN(try CardPIN(digits: "1234"))
        let signer = ProbeSigner(card.signer)
        let (client, server) = try await TLSTestPeers.handshake(
            client: TLSTestPeers.clientConfiguration(identity: identity, signer: signer))
        #expect(client.version == .tlsv12)
        #expect(server.peerCertificateDER == identity.certificateDER)
        #expect(signer.onEventLoop == [false])
    }

    @Test("without a verified PIN the card refuses and the handshake fails cleanly")
    func noPIN() async throws {
        let card = try Self.card("medecin-2")
        let identity = try await card.readIdentity()
        await #expect(throws: (any Error).self) {
            _ = try await TLSTestPeers.handshake(
                client: TLSTestPeers.clientConfiguration(identity: identity, signer: card.signer))
        }
    }

    @Test("a TLS 1.3-only server cannot be reached with the card (no RSA-PSS on a CPS3)")
    func noTLS13() async throws {
        let card = try Self.card()
        let identity = try await card.readIdentity()
        try await card.verifyPIN(try CardPIN(digits: "1234"))
        await #expect(throws: (any Error).self) {
            _ = try await TLSTestPeers.handshake(
                client: TLSTestPeers.clientConfiguration(identity: identity, signer: card.signer),
                serverMaximumVersion: .tlsv13)
        }
    }

    @Test("the key offers rsa_pkcs1_sha256 only")
    func algorithms() throws {
        let card = try Self.card()
        #expect(CardTLSKey(signer: card.signer).signatureAlgorithms == [.rsaPkcs1Sha256])
    }
}
