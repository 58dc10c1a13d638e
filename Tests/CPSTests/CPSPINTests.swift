import CPS
import Crypto
import SmartCard
import Testing
import VirtualCPSCard
import X509
import _CryptoExtras

@Suite("Code porteur and signature over the in-process virtual card")
struct CPSPINTests {
    func pin(_ digits: String) throws -> CardPIN {
        try CardPIN(digits: digits)
    }

    @Test("a PIN that is not exactly 4 digits is refused locally", arguments: ["123", "12345", "12a4", "", "１２３４"])
    func format(digits: String) {
        #expect(throws: CPSError.invalidPINFormat) { _ = try CardPIN(digits: digits) }
    }

    @Test("wrong PINs decrement, the last try needs confirmation, then the card blocks")
    func counter() async throws {
        let channel = try TestCards.channel("pharmacien-1")
        let card = try CPSCard(channel: channel, cache: CardDataCache())
        #expect(try await card.pinStatus() == PINStatus(maximumTries: 3, triesLeft: 3))
        await #expect(throws: CPSError.wrongPIN(triesLeft: 2)) { try await card.verifyPIN(try pin("0000")) }
        #expect(try await card.pinStatus().triesLeft == 2)
        await #expect(throws: CPSError.wrongPIN(triesLeft: 1)) { try await card.verifyPIN(try pin("0000")) }
        let before = channel.engine?.commandCount
        await #expect(throws: CPSError.lastTryConfirmationRequired) { try await card.verifyPIN(try pin("1234")) }
        #expect(channel.engine?.pinTriesLeft == 1)
        #expect(channel.engine?.commandCount == (before ?? 0) + 3, "SELECT MF, GET DATA, GET RESPONSE: no VERIFY")
        await #expect(throws: CPSError.pinBlocked) {
            try await card.verifyPIN(try pin("0000"), confirmLastTry: true)
        }
        await #expect(throws: CPSError.pinBlocked) { try await card.verifyPIN(try pin("1234"), confirmLastTry: true) }
        #expect(try await card.pinStatus().isBlocked)
        channel.simulateReset()
        _ = try? await card.pinStatus()
        #expect(try await card.pinStatus().triesLeft == 0, "a reset does not restore tries")
    }

    @Test("the right PIN resets the counter; the card signature verifies with the certificate")
    func signature() async throws {
        let card = try CPSCard(channel: TestCards.channel(), cache: CardDataCache())
        let identity = try await card.readIdentity()
        await #expect(throws: CPSError.pinVerificationRequired) {
            _ = try await card.sign(sha256Digest: [UInt8](repeating: 1, count: 32))
        }
        try await card.verifyPIN(try pin("1234"))
        let message = Array("assertion".utf8)
        let digest = Array(SHA256.hash(data: message))
        let signature = try await card.signer.sign(sha256Digest: digest)
        #expect(signature.count == 256)
        let key = try _RSA.Signing.PublicKey(
            derRepresentation: identity.certificate.publicKey.subjectPublicKeyInfoBytes)
        #expect(
            key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: message, padding: .insecurePKCS1v1_5))
    }

    @Test("after a reset the PIN must be verified again, the tries are unchanged")
    func reset() async throws {
        let channel = try TestCards.channel("medecin-2")
        let card = try CPSCard(channel: channel, cache: CardDataCache())
        try await card.verifyPIN(try pin("1234"))
        channel.simulateReset()
        await #expect(throws: CPSError.card(.cardReset)) {
            _ = try await card.sign(sha256Digest: [UInt8](repeating: 2, count: 32))
        }
        #expect(await card.isPINVerified == false)
        await #expect(throws: CPSError.pinVerificationRequired) {
            _ = try await card.sign(sha256Digest: [UInt8](repeating: 2, count: 32))
        }
        #expect(try await card.pinStatus().triesLeft == 3)
        try await card.verifyPIN(try pin("1234"))
        #expect(try await card.sign(sha256Digest: [UInt8](repeating: 2, count: 32)).count == 256)
    }
}
