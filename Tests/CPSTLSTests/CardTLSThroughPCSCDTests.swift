import CPS
import CPSTLS
import Foundation
import SmartCard
import Testing

/// Through the real pcscd + vpcd + virtual-cps (stage `Tools/test.d/40-card.sh`, PASSERELLE_PCSCD=1).
@Suite(
    "TLS client authentication with the card through pcscd",
    .enabled(if: ProcessInfo.processInfo.environment["PASSERELLE_PCSCD"] == "1", "needs PASSERELLE_PCSCD=1"))
struct CardTLSThroughPCSCDTests {
    static let reader = "Virtual PCD 00 00"

    @Test("TLS 1.2 handshake against a local server that trusts the test CA, signed by the card in reader 0")
    func handshake() async throws {
        var connection: PCSCConnection?
        for _ in 0..<50 where connection == nil {
            connection = try? await PCSCConnection.connect(reader: Self.reader)
            if connection == nil {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        let channel = try #require(connection)
        defer { Task { await channel.disconnect() } }
        let card = try CPSCard(channel: channel, cache: CardDataCache())
        let identity = try await card.readIdentity()
        try await card.verifyPIN(try CardPIN(digits: "1234"))
        let signer = ProbeSigner(card.signer)
        let (client, server) = try await TLSTestPeers.handshake(
            client: TLSTestPeers.clientConfiguration(identity: identity, signer: signer))
        #expect(client.version == .tlsv12)
        #expect(server.peerCertificateDER == identity.certificateDER)
        #expect(signer.onEventLoop == [false])
    }
}
