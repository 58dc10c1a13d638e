import CPS
import Crypto
import Foundation
import Testing
import X509
import _CryptoExtras

@Suite("Signature check against the card certificate")
struct SignatureCheckTests {
    static func material(_ id: String = "899700000013") throws -> (Certificate, _RSA.Signing.PrivateKey) {
        let base = TestCards.repository.appendingPathComponent("Certs/cards")
        let certificate = try Certificate(
            pemEncoded: String(contentsOf: base.appendingPathComponent("\(id).auth.cert.pem"), encoding: .utf8))
        let key = try _RSA.Signing.PrivateKey(
            pemRepresentation: String(contentsOf: base.appendingPathComponent("\(id).auth.key.pem"), encoding: .utf8))
        return (certificate, key)
    }

    @Test("a swift-crypto PKCS#1 v1.5 signature is accepted for its digest, rejected for any other")
    func agreesWithSwiftCrypto() throws {
        let (certificate, key) = try Self.material()
        for text in ["", "a", "<ds:SignedInfo>…</ds:SignedInfo>", String(repeating: "x", count: 1000)] {
            let message = Array(text.utf8)
            let digest = Array(SHA256.hash(data: message))
            let signature = Array(try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation)
            #expect(SignatureCheck.isValid(signature: signature, sha256Digest: digest, certificate: certificate))
            var otherDigest = digest
            otherDigest[0] ^= 1
            #expect(!SignatureCheck.isValid(signature: signature, sha256Digest: otherDigest, certificate: certificate))
            var tampered = signature
            tampered[tampered.count - 1] ^= 0x40
            #expect(!SignatureCheck.isValid(signature: tampered, sha256Digest: digest, certificate: certificate))
        }
    }

    @Test("a signature made with another card's key, or of the wrong length, is rejected")
    func otherKey() throws {
        let (certificate, _) = try Self.material()
        let (_, otherKey) = try Self.material("899700000021")
        let message = Array("assertion".utf8)
        let signature = Array(try otherKey.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation)
        let digest = Array(SHA256.hash(data: message))
        #expect(!SignatureCheck.isValid(signature: signature, sha256Digest: digest, certificate: certificate))
        #expect(!SignatureCheck.isValid(signature: [1, 2, 3], sha256Digest: digest, certificate: certificate))
        #expect(
            !SignatureCheck.isValid(
                signature: [UInt8](repeating: 0xFF, count: 256), sha256Digest: digest, certificate: certificate))
    }
}
