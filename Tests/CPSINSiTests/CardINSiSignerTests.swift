import CPS
import CPSINSi
import Crypto
import Foundation
import INSi
import Testing
import VirtualCPSCard
import X509
import _CryptoExtras

@Suite("The virtual CPS signs INSi's CPx assertion PS")
struct CardINSiSignerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func card(_ id: String) throws -> CPSCard {
        let catalog = try CardCatalog.load(from: repository.appendingPathComponent("Certs/cards/cards.json"))
        let content = try #require(catalog.cards.first { $0.id == id })
        return try CPSCard(channel: InProcessCardChannel(content: content), cache: CardDataCache())
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let lower = text.range(of: start),
            let upper = text.range(of: end, range: lower.upperBound..<text.endIndex)
        else {
            return nil
        }
        return String(text[lower.upperBound..<upper.lowerBound])
    }

    @Test("a CPx assertion signed by the card verifies with its certificate, byte for byte like a software signer")
    func assertionVerifies() async throws {
        let card = try Self.card("medecin-1")
        let identity = try await card.readIdentity()
        try await card.verifyPIN(try CardPIN(digits: "1234"))
        let signer = CardINSiSigner(identity: identity, card: card)
        let assertion = AssertionPS(
            id: "_card-test", issueInstant: Date(timeIntervalSince1970: 1_767_225_600),
            issuerDN: try AssertionPS.subjectDN(ofCertificate: identity.certificateDER),
            professional: CPxProfessional(
                nationalID: identity.holder.nationalID, identifiantFacturation: "991234567",
                secteurActivite: "SA07", specialite: "SM54"))
        let signed = try await assertion.signed(by: signer)
        let value = try #require(Self.between(signed, "<ds:SignatureValue>", "</ds:SignatureValue>"))
        let signature = try #require(Data(base64Encoded: value))
        let signedInfo = assertion.canonicalSignedInfo(digestBase64: assertion.digestBase64)
        let key = try _RSA.Signing.PublicKey(
            derRepresentation: identity.certificate.publicKey.subjectPublicKeyInfoBytes)
        #expect(
            key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: Array(signedInfo.utf8),
                padding: .insecurePKCS1v1_5))
        let cards = Self.repository.appendingPathComponent("Certs/cards")
        let software = try SoftwareRSASigner(
            certificatePEMFile: cards.appendingPathComponent("899700000013.auth.cert.pem").path,
            privateKeyPEMFile: cards.appendingPathComponent("899700000013.auth.key.pem").path)
        #expect(try await assertion.signed(by: software) == signed, "PKCS#1 v1.5 is deterministic")
        #expect(signed.contains(Data(identity.certificateDER).base64EncodedString()))
    }

    @Test("without a verified PIN the card refuses and INSi reports a signing error")
    func noPIN() async throws {
        let card = try Self.card("medecin-2")
        let identity = try await card.readIdentity()
        let assertion = AssertionPS(
            id: "_no-pin", issueInstant: Date(), issuerDN: "CN=x",
            professional: CPxProfessional(
                nationalID: identity.holder.nationalID, identifiantFacturation: "1", secteurActivite: "SA07",
                specialite: nil))
        await #expect(throws: INSiError.self) {
            _ = try await assertion.signed(by: CardINSiSigner(identity: identity, card: card))
        }
    }
}
