/// The assigning authority of a matricule INS. Whether a matricule is a NIR or a NIA is known **only** from
/// this OID, never guessed from the digits.
public enum INSOID: String, CaseIterable, Hashable, Sendable, Codable {
    case nir = "1.2.250.1.213.1.4.8"
    case nia = "1.2.250.1.213.1.4.9"
    case nirTest = "1.2.250.1.213.1.4.10"
    case nirDemonstration = "1.2.250.1.213.1.4.11"

    /// Social-security numbers look like matricules but are not INS; they are recognised so the refusal can
    /// say so instead of "unknown OID".
    public static let socialSecurityOIDs: [String: String] = [
        "1.2.250.1.213.1.4.13": "NSS NIR",
        "1.2.250.1.213.1.4.14": "NSS NIA",
    ]

    public init(validating text: String) throws(INSOIDError) {
        let trimmed = text.trimmingSpaces
        let bare = trimmed.hasPrefix("urn:oid:") ? String(trimmed.dropFirst(8)) : trimmed
        if let oid = INSOID(rawValue: bare) {
            self = oid
        } else if let name = Self.socialSecurityOIDs[bare] {
            throw .socialSecurityNumber(oid: bare, name: name)
        } else {
            throw .unknown(bare)
        }
    }

    /// NIR (registered in the RNIPP) or NIA (temporary number of a person being registered).
    public var isNIA: Bool { self == .nia }

    /// French label for people.
    public var label: String {
        switch self {
        case .nir: "INS-NIR"
        case .nia: "INS-NIA"
        case .nirTest: "INS-NIR de test"
        case .nirDemonstration: "INS-NIR de démonstration"
        }
    }

    /// HL7 v2 assigning-authority namespace used in PID-3.
    public var hl7Namespace: String {
        switch self {
        case .nir: "ASIP-SANTE-INS-NIR"
        case .nia: "ASIP-SANTE-INS-NIA"
        case .nirTest: "ASIP-SANTE-INS-NIR-TEST"
        case .nirDemonstration: "ASIP-SANTE-INS-NIR-DEMO"
        }
    }
}

public enum INSOIDError: PasserelleError, Equatable {
    case socialSecurityNumber(oid: String, name: String)
    case unknown(String)

    public var code: String {
        switch self {
        case .socialSecurityNumber: "oid.nss-not-ins"
        case .unknown: "oid.unknown"
        }
    }

    public var userMessage: String {
        switch self {
        case .socialSecurityNumber(_, let name):
            "Cet OID désigne un numéro de sécurité sociale (\(name)), pas une INS : il ne peut pas être utilisé comme identifiant national de santé."
        case .unknown(let oid):
            "L'OID « \(oid) » n'est pas un OID d'INS (attendus : 1.2.250.1.213.1.4.8, .9, .10 ou .11)."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .socialSecurityNumber(let oid, let name): "OID \(oid) is \(name), a social-security number, not an INS"
        case .unknown(let oid): "OID \(oid) is not one of the INS OIDs 1.2.250.1.213.1.4.8/9/10/11"
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
