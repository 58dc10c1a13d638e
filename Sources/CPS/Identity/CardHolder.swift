import SwiftASN1
import X509

/// The professional the card belongs to, from the subject of the authentication certificate (IGC-Santé shape:
/// a multi-valued RDN `SN + CN + GN`, then `title`, `OU`, `O`, `C=FR`).
public struct CardHolder: Sendable, Hashable {
    /// CN: the national identifier (`8` + RPPS, `0` + ADELI, `3` + FINESS + `/` + n°, …).
    public let nationalID: String
    public let familyName: String
    public let givenName: String
    /// `title`: the profession label (Médecin, Pharmacien…).
    public let profession: String?
    public let organizationalUnits: [String]
    public let organization: String?
    /// The full subject in RFC 4514 form, for display and audit.
    public let subject: String

    /// Kind of national identifier, from its first digit.
    public enum NationalIDKind: String, Sendable, Hashable {
        case rpps
        case adeli
        case finessEstablishment
        case authorised
        case other
    }

    public var nationalIDKind: NationalIDKind {
        switch nationalID.first {
        case "8": return .rpps
        case "0": return .adeli
        case "3": return .finessEstablishment
        case "5": return .authorised
        default: return .other
        }
    }

    static let surname: ASN1ObjectIdentifier = [2, 5, 4, 4]
    static let givenNameOID: ASN1ObjectIdentifier = [2, 5, 4, 42]
    static let title: ASN1ObjectIdentifier = [2, 5, 4, 12]

    /// Reads the holder from the certificate subject; the `SN + CN + GN` RDN is taken as a whole (its members may be
    /// in any order: DER sorts them by encoding, real cards do not always).
    public init(certificate: Certificate) throws(CPSError) {
        var identityRDN: RelativeDistinguishedName?
        var profession: String?
        var units: [String] = []
        var organization: String?
        for rdn in certificate.subject {
            let types = Set(rdn.map(\.type))
            if types.contains(.RDNAttributeType.commonName) && (types.contains(Self.surname) || rdn.count > 1) {
                identityRDN = identityRDN ?? rdn
            }
            for attribute in rdn {
                switch attribute.type {
                case Self.title: profession = profession ?? String(attribute.value)
                case .RDNAttributeType.organizationalUnitName: String(attribute.value).map { units.append($0) }
                case .RDNAttributeType.organizationName: organization = organization ?? String(attribute.value)
                default: continue
                }
            }
        }
        guard let identityRDN else {
            throw .malformedCardData("certificate subject has no SN+CN+GN RDN: \(certificate.subject)")
        }
        func value(_ type: ASN1ObjectIdentifier) -> String? {
            identityRDN.first { $0.type == type }.flatMap { String($0.value) }
        }
        guard let nationalID = value(.RDNAttributeType.commonName), !nationalID.isEmpty else {
            throw .malformedCardData("certificate subject has no CN")
        }
        self.nationalID = nationalID
        self.familyName = value(Self.surname) ?? ""
        self.givenName = value(Self.givenNameOID) ?? ""
        self.profession = profession
        self.organizationalUnits = units
        self.organization = organization
        self.subject = String(describing: certificate.subject)
    }
}
