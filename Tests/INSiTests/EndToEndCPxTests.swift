import Foundation
import INS
import Testing

@testable import INSi

/// CPx mode: the assertion PS signed with a card key (software, from Certs/cards) and checked by `insi-sim`.
@Suite("INSi end to end, CPx card mode", .serialized)
struct EndToEndCPxTests {
    @Test(arguments: [
        ("ADRTROIS", "DOMINIQUE", "F", "1997-02-26", "297022A020778" + "78"),
        ("ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", "1090763220834" + "89"),
        ("PROVISOIRE", "MATRICULE", "M", "2009-07-01", "1090763220888" + "35"),
    ])
    func personaThroughCPx(nom: String, prenom: String, sexe: String, date: String, matricule: String) async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let sink = InMemoryTraceSink()
        let (client, transport) = try ClientFactory.cpx(
            endpoint: simulator.cpx, sink: sink, signer: try ClientFactory.cardSigner())
        let traits = try ClientFactory.traits(nom, prenom, sexe, date)
        let outcome = try await using(client, transport) { try await $0.search(traits) }
        #expect(outcome.identifier?.matricule.value == matricule)
        let received = try await simulator.requests()
        #expect(received.map(\.assertionVerified) == [true])
        #expect(received.first?.emetteur == "899700000013")
        #expect(await sink.traces.first?.requestXML.contains("<saml:Assertion") == true)
        #expect(await sink.traces.first?.mode == .cpx)
    }

    @Test func everyPersonaThroughCPx() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (client, transport) = try ClientFactory.cpx(
            endpoint: simulator.cpx, sink: InMemoryTraceSink(), signer: try ClientFactory.cardSigner())
        let personas = EndToEndOrganisationTests.personas
        let found: [String?] = try await using(client, transport) { client in
            var found: [String?] = []
            for expected in personas {
                let t = expected.traits
                let traits = try ClientFactory.traits(t[0] ?? "", t[1] ?? "", t[2] ?? "", t[3] ?? "", t[4])
                found.append(try await client.search(traits).identifier?.matricule.value)
            }
            return found
        }
        #expect(found == personas.map(\.matricule))
        #expect(try await simulator.requests().allSatisfy { $0.assertionVerified == true })
    }

    @Test func signatureByAKeyThatDoesNotMatchTheCertificateIsRefused() async throws {
        struct MismatchedSigner: INSiSigner {
            let certificateDER: [UInt8]
            let other: SoftwareRSASigner
            func signSHA256(_ message: [UInt8]) async throws -> [UInt8] { try await other.signSHA256(message) }
        }
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let signer = MismatchedSigner(
            certificateDER: try ClientFactory.cardSigner().certificateDER,
            other: try ClientFactory.cardSigner("899700000021"))
        let (client, transport) = try ClientFactory.cpx(
            endpoint: simulator.cpx, sink: InMemoryTraceSink(), signer: signer)
        let traits = try ClientFactory.traits("ADRUN", "ZOE", "F", "1975-12-31")
        let error = try await using(client, transport) { await searchFailure($0, traits) }
        #expect(error?.code == "insi.fault.desir_520")
        #expect(try await simulator.requests().map(\.assertionVerified) == [false])
    }

    @Test func clientAuthWithTheCardCertificateWhenRequired() async throws {
        let simulator = try SimulatorProcess(["--cpx-require-client-cert"])
        defer { simulator.stop() }
        let chain = FileManager.default.temporaryDirectory.appendingPathComponent("card-chain-\(UUID()).pem").path
        defer { try? FileManager.default.removeItem(atPath: chain) }
        let leaf = try String(
            contentsOfFile: SimulatorProcess.certs("cards/899700000013.auth.cert.pem"), encoding: .utf8)
        let ca = try String(
            contentsOfFile: SimulatorProcess.certs("ca/test-aci-el-personnes.cert.pem"), encoding: .utf8)
        try (leaf + ca).write(toFile: chain, atomically: true, encoding: .utf8)
        let (client, transport) = try ClientFactory.cpx(
            endpoint: simulator.cpx, sink: InMemoryTraceSink(), signer: try ClientFactory.cardSigner(),
            identity: .pem(
                certificateChain: chain, privateKey: SimulatorProcess.certs("cards/899700000013.auth.key.pem")))
        let traits = try ClientFactory.traits("NESSI", "NATHALIE", "F", "1977-07-14")
        let outcome = try await using(client, transport) { try await $0.search(traits) }
        #expect(outcome.identifier?.matricule.value == "2770763220829" + "10")
        // Without a client certificate the handshake is refused.
        let (bare, bareTransport) = try ClientFactory.cpx(
            endpoint: simulator.cpx, sink: InMemoryTraceSink(), signer: try ClientFactory.cardSigner())
        let error = try await using(bare, bareTransport) { await searchFailure($0, traits) }
        #expect(error?.meansUnavailable == true)
    }
}
