import Crypto
import Foundation
import X509

/// Builds the SAML 2.0 "assertion PS" of CPx mode **directly in exclusive-c14n form**: namespaces declared where
/// used, attributes in canonical order, no insignificant whitespace, empty elements as start/end pairs,
/// canonical escaping. The digest is therefore computed over the very bytes sent, without a canonicaliser; the
/// test suite checks them against libxml2's.
///
/// The assertion kind (`NameQualifier`) is a parameter so that the announced PSC variant (unsigned,
/// `NameQualifier="PSC"`) can reuse the same writer.
public struct AssertionPS: Sendable {
    public static let c14nAlgorithm = "http://www.w3.org/2001/10/xml-exc-c14n#"
    public static let signatureAlgorithm = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    public static let digestAlgorithm = "http://www.w3.org/2001/04/xmlenc#sha256"
    public static let envelopedAlgorithm = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"

    public let id: String
    public let issueInstant: Date
    public let validity: TimeInterval
    public let issuerDN: String
    public let professional: CPxProfessional
    public let nameQualifier: String

    public init(
        id: String, issueInstant: Date, validity: TimeInterval = 3600, issuerDN: String,
        professional: CPxProfessional, nameQualifier: String = "CPS"
    ) {
        self.id = id
        self.issueInstant = issueInstant
        self.validity = validity
        self.issuerDN = issuerDN
        self.professional = professional
        self.nameQualifier = nameQualifier
    }

    /// Everything before the place of `ds:Signature` (right after Issuer).
    var head: String {
        var xml = "<saml:Assertion xmlns:saml=\"\(INSiNamespace.saml)\" ID=\"\(XMLText.escapeAttribute(id))\""
        xml += " IssueInstant=\"\(UTCTimestamp.format(issueInstant))\" Version=\"2.0\">"
        xml += "<saml:Issuer Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName\">"
        xml += XMLText.escapeText(issuerDN) + "</saml:Issuer>"
        return xml
    }

    /// Everything after `ds:Signature`.
    var tail: String {
        var xml = "<saml:Subject><saml:NameID NameQualifier=\"\(XMLText.escapeAttribute(nameQualifier))\">"
        xml += XMLText.escapeText(professional.nationalID) + "</saml:NameID></saml:Subject>"
        xml += "<saml:Conditions NotBefore=\"\(UTCTimestamp.format(issueInstant))\""
        xml += " NotOnOrAfter=\"\(UTCTimestamp.format(issueInstant.addingTimeInterval(validity)))\"></saml:Conditions>"
        xml += "<saml:AttributeStatement>"
        xml += Self.attribute("identifiantFacturation", professional.identifiantFacturation)
        xml += Self.attribute("secteurActivite", professional.secteurActivite)
        if let specialite = professional.specialite { xml += Self.attribute("codeSpecialiteAMO", specialite) }
        xml += "</saml:AttributeStatement></saml:Assertion>"
        return xml
    }

    private static func attribute(_ name: String, _ value: String) -> String {
        "<saml:Attribute Name=\"\(name)\"><saml:AttributeValue>\(XMLText.escapeText(value))"
            + "</saml:AttributeValue></saml:Attribute>"
    }

    /// The canonical assertion without its signature: what the enveloped-signature + exc-c14n transforms yield.
    public var canonicalUnsigned: String { head + tail }

    /// The canonical SignedInfo (apex element, so it declares `ds` itself).
    public func canonicalSignedInfo(digestBase64: String) -> String {
        "<ds:SignedInfo xmlns:ds=\"\(INSiNamespace.xmldsig)\">" + signedInfoContent(digestBase64: digestBase64)
            + "</ds:SignedInfo>"
    }

    private func signedInfoContent(digestBase64: String) -> String {
        var xml = "<ds:CanonicalizationMethod Algorithm=\"\(Self.c14nAlgorithm)\"></ds:CanonicalizationMethod>"
        xml += "<ds:SignatureMethod Algorithm=\"\(Self.signatureAlgorithm)\"></ds:SignatureMethod>"
        xml += "<ds:Reference URI=\"#\(XMLText.escapeAttribute(id))\"><ds:Transforms>"
        xml += "<ds:Transform Algorithm=\"\(Self.envelopedAlgorithm)\"></ds:Transform>"
        xml += "<ds:Transform Algorithm=\"\(Self.c14nAlgorithm)\"></ds:Transform></ds:Transforms>"
        xml += "<ds:DigestMethod Algorithm=\"\(Self.digestAlgorithm)\"></ds:DigestMethod>"
        xml += "<ds:DigestValue>\(digestBase64)</ds:DigestValue></ds:Reference>"
        return xml
    }

    public var digestBase64: String {
        Data(SHA256.hash(data: Array(canonicalUnsigned.utf8))).base64EncodedString()
    }

    /// The signed assertion, ready for `wsse:Security`.
    public func signed(by signer: any INSiSigner) async throws(INSiError) -> String {
        let digest = digestBase64
        let signedInfo = canonicalSignedInfo(digestBase64: digest)
        let signature: [UInt8]
        do { signature = try await signer.signSHA256(Array(signedInfo.utf8)) } catch {
            throw .signing("\(error)")
        }
        var xml = head + "<ds:Signature xmlns:ds=\"\(INSiNamespace.xmldsig)\"><ds:SignedInfo>"
        xml += signedInfoContent(digestBase64: digest) + "</ds:SignedInfo>"
        xml += "<ds:SignatureValue>\(Data(signature).base64EncodedString())</ds:SignatureValue>"
        xml += "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>\(Data(signer.certificateDER).base64EncodedString())"
        xml += "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>"
        return xml + tail
    }

    /// The subject DN of a DER certificate, as the Issuer of the assertion.
    public static func subjectDN(ofCertificate der: [UInt8]) throws(INSiError) -> String {
        do { return try Certificate(derEncoded: der).subject.description } catch {
            throw .configuration("the signing certificate is not valid DER: \(error)")
        }
    }
}
