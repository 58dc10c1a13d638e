import CLibXML2C14N
import Crypto
import Foundation
import Testing
import X509
import _CryptoExtras

@testable import INSi

/// The assertion PS is written directly in exclusive-c14n form; libxml2's canonicaliser is the oracle.
@Suite("CPx assertion PS: canonical form and signature")
struct AssertionCanonicalFormTests {
    static func libxml2(_ xml: String, xpath: String? = nil) throws -> String {
        var output: UnsafeMutablePointer<UInt8>?
        let bytes = Array(xml.utf8)
        let length = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let xpath {
                    passerelle_exc_c14n(chars.baseAddress, Int32(chars.count), xpath, &output)
                } else {
                    passerelle_exc_c14n(chars.baseAddress, Int32(chars.count), nil, &output)
                }
            }
        }
        defer { passerelle_c14n_free(output) }
        guard length >= 0, let output else { throw CocoaError(.coderReadCorrupt) }
        return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
    }

    static func assertion(_ professional: CPxProfessional = ClientFactory.professional) throws -> AssertionPS {
        let signer = try ClientFactory.cardSigner()
        return AssertionPS(
            id: "_6b4f0c8e-3d2a-4f1e-9b7c-5a6d8e9f0a1b", issueInstant: Date(timeIntervalSince1970: 1_767_225_600.123),
            issuerDN: try AssertionPS.subjectDN(ofCertificate: signer.certificateDER), professional: professional)
    }

    @Test func unsignedAssertionIsAFixedPointOfLibxml2() throws {
        let assertion = try Self.assertion()
        let ours = assertion.canonicalUnsigned
        #expect(try Self.libxml2(ours) == ours)
    }

    @Test func escapingAndNonASCIIStayCanonical() throws {
        let tricky = CPxProfessional(
            nationalID: "899700000013", identifiantFacturation: "A&B<C>\"D\"", secteurActivite: "SA07 é",
            specialite: nil)
        let ours = try Self.assertion(tricky).canonicalUnsigned
        #expect(try Self.libxml2(ours) == ours)
    }

    @Test func signedInfoIsAFixedPointOfLibxml2() throws {
        let assertion = try Self.assertion()
        let signedInfo = assertion.canonicalSignedInfo(digestBase64: assertion.digestBase64)
        #expect(try Self.libxml2(signedInfo) == signedInfo)
    }

    @Test func signedAssertionInsideAnEnvelopeVerifies() async throws {
        let signer = try ClientFactory.cardSigner()
        let assertion = try Self.assertion()
        let signed = try await assertion.signed(by: signer)
        let envelope = SOAPEnvelopeBuilder(lps: ClientFactory.lps(), emitter: "899700000013").envelope(
            operation: .rechercherAvecTraits, body: "<x:B xmlns:x=\"urn:x\"></x:B>", security: signed,
            context: .init(messageID: "m", contextID: "c", time: Date()))
        // Digest: libxml2's canonical form of the assertion without its signature, in the envelope's context.
        let subset =
            "(//. | //@* | //namespace::*)[ancestor-or-self::*[local-name()='Assertion']]"
            + "[not(ancestor-or-self::*[local-name()='Signature'])]"
        let canonical = try Self.libxml2(envelope, xpath: subset)
        #expect(canonical == assertion.canonicalUnsigned)
        let digest = Data(SHA256.hash(data: Array(canonical.utf8))).base64EncodedString()
        #expect(signed.contains("<ds:DigestValue>\(digest)</ds:DigestValue>"))
        // Signature: over libxml2's canonical SignedInfo, with the card certificate's public key.
        let signedInfoSubset =
            "(//. | //@* | //namespace::*)[ancestor-or-self::*[local-name()='SignedInfo']]"
        let signedInfo = try Self.libxml2(envelope, xpath: signedInfoSubset)
        #expect(signedInfo == assertion.canonicalSignedInfo(digestBase64: digest))
        let value = try #require(Self.between(signed, "<ds:SignatureValue>", "</ds:SignatureValue>"))
        let signature = try #require(Data(base64Encoded: value))
        let certificate = try Certificate(derEncoded: signer.certificateDER)
        let publicKey = try #require(_RSA.Signing.PublicKey(certificate.publicKey))
        #expect(
            publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: Array(signedInfo.utf8),
                padding: .insecurePKCS1v1_5))
        // A changed byte breaks it.
        #expect(
            !publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: Array((signedInfo + " ").utf8),
                padding: .insecurePKCS1v1_5))
    }

    @Test func digestInfoPrefixIsTheSHA256One() {
        let info = SHA256DigestInfo.encode(digest: Array(repeating: 0, count: 32))
        #expect(info.count == 51)
        #expect(info.prefix(2) == [0x30, 0x31])
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let lower = text.range(of: start),
            let upper = text.range(of: end, range: lower.upperBound..<text.endIndex)
        else { return nil }
        return String(text[lower.upperBound..<upper.lowerBound])
    }
}
