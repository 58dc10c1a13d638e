import Crypto
import Foundation
import X509

/// Checks an assertion PS the way the CPx endpoint must: structure, exclusive-c14n digest of the assertion
/// without its signature, RSA-SHA256 signature of the canonical SignedInfo with the certificate in KeyInfo,
/// that certificate issued by the PERSONNES CA, validity window, NameID = Emetteur.
struct AssertionVerifier: Sendable {
    let personnesCA: Certificate
    let root: Certificate

    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// Returns the professional's national id (NameID).
    func verify(_ assertion: SimElement, emetteur: String, now: Date = Date()) async throws -> String {
        guard let id = assertion.attributes["ID"], !id.isEmpty else {
            throw Refusal(description: "Assertion without ID")
        }
        let children = assertion.elements
        guard children.count >= 2, children[0].localName == "Issuer", children[0].namespace == NS.saml,
            children[1].localName == "Signature", children[1].namespace == NS.ds
        else { throw Refusal(description: "ds:Signature must follow saml:Issuer") }
        let signature = children[1]
        guard let signedInfo = signature.first("SignedInfo", NS.ds),
            let reference = signedInfo.first("Reference", NS.ds),
            let digestValue = reference.first("DigestValue", NS.ds)?.text,
            let signatureValue = signature.first("SignatureValue", NS.ds)?.text,
            let certificateText = signature.first("KeyInfo", NS.ds)?.first("X509Data", NS.ds)?
                .first("X509Certificate", NS.ds)?.text
        else { throw Refusal(description: "incomplete ds:Signature") }
        guard reference.attributes["URI"] == "#" + id else { throw Refusal(description: "Reference URI is not #ID") }
        let c14n = "http://www.w3.org/2001/10/xml-exc-c14n#"
        guard signedInfo.first("CanonicalizationMethod", NS.ds)?.attributes["Algorithm"] == c14n,
            signedInfo.first("SignatureMethod", NS.ds)?.attributes["Algorithm"]
                == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            reference.first("DigestMethod", NS.ds)?.attributes["Algorithm"] == "http://www.w3.org/2001/04/xmlenc#sha256"
        else { throw Refusal(description: "unexpected algorithm") }
        let transforms = reference.first("Transforms", NS.ds)?.elements.map { $0.attributes["Algorithm"] ?? "" } ?? []
        guard transforms == ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", c14n] else {
            throw Refusal(description: "transforms must be enveloped-signature then exc-c14n")
        }
        // 1. Digest of the assertion minus its signature.
        let canonical = ExclusiveC14N.canonicalize(assertion) { $0.localName == "Signature" && $0.namespace == NS.ds }
        let digest = Data(SHA256.hash(data: Array(canonical.utf8))).base64EncodedString()
        guard digest == digestValue.filter({ !$0.isWhitespace }) else {
            throw Refusal(description: "DigestValue does not match the canonical assertion")
        }
        // 2. Signature of the canonical SignedInfo.
        guard let der = Data(base64Encoded: certificateText.filter { !$0.isWhitespace }),
            let signatureBytes = Data(base64Encoded: signatureValue.filter { !$0.isWhitespace })
        else { throw Refusal(description: "base64 of the certificate or signature is invalid") }
        let certificate = try Certificate(derEncoded: Array(der))
        let signedBytes = Array(ExclusiveC14N.canonicalize(signedInfo).utf8)
        guard
            certificate.publicKey.isValidSignature(
                signatureBytes, for: signedBytes, signatureAlgorithm: .sha256WithRSAEncryption)
        else { throw Refusal(description: "SignatureValue does not verify with the KeyInfo certificate") }
        // 3. The certificate is a card certificate of the PERSONNES CA, valid now.
        guard certificate.issuer == personnesCA.subject,
            personnesCA.publicKey.isValidSignature(certificate.signature, for: certificate)
        else { throw Refusal(description: "certificate not issued by the PERSONNES CA") }
        guard certificate.notValidBefore <= now, now < certificate.notValidAfter else {
            throw Refusal(description: "card certificate outside its validity")
        }
        // 4. Assertion window and subject.
        if let conditions = assertion.first("Conditions", NS.saml) {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let start = conditions.attributes["NotBefore"].flatMap(formatter.date(from:)),
                start.addingTimeInterval(-300) > now
            {
                throw Refusal(description: "assertion not yet valid")
            }
            if let end = conditions.attributes["NotOnOrAfter"].flatMap(formatter.date(from:)), end <= now {
                throw Refusal(description: "assertion expired")
            }
        }
        guard let nameID = assertion.first("Subject", NS.saml)?.first("NameID", NS.saml),
            nameID.attributes["NameQualifier"] == "CPS"
        else { throw Refusal(description: "Subject/NameID with NameQualifier CPS missing") }
        guard nameID.text == emetteur else { throw Refusal(description: "NameID differs from ContexteLPS Emetteur") }
        return nameID.text
    }
}
