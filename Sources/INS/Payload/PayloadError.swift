/// Why an INS DataMatrix payload could not be built or read.
public enum PayloadError: PasserelleError, Equatable {
    case notQualified(IdentityStatus)
    case nonASCII
    case missingHeader
    case unsupportedVersion(String)
    case unexpectedData(offset: Int)
    case duplicateBlock(Int)
    case truncatedBlock(Int)
    case missingBlock(Int)
    case invalidIdentifier(INSIdentifierError)
    case invalidTraits(TraitError)

    public var code: String {
        switch self {
        case .notQualified: "payload.not-qualified"
        case .nonASCII: "payload.non-ascii"
        case .missingHeader: "payload.header"
        case .unsupportedVersion: "payload.version"
        case .unexpectedData: "payload.unexpected-data"
        case .duplicateBlock: "payload.duplicate-block"
        case .truncatedBlock: "payload.truncated-block"
        case .missingBlock: "payload.missing-block"
        case .invalidIdentifier(let error): error.code
        case .invalidTraits(let error): error.code
        }
    }

    public var userMessage: String {
        switch self {
        case .notQualified(let status):
            "Seule une identité qualifiée peut porter le DataMatrix INS (statut actuel : \(status.label))."
        case .nonASCII: "Le contenu lu contient des caractères qui ne peuvent pas figurer dans un DataMatrix INS."
        case .missingHeader: "Ce code n'est pas un DataMatrix INS (en-tête IS01 absent)."
        case .unsupportedVersion(let version): "Version de DataMatrix INS non prise en charge : \(version)."
        case .unexpectedData(let offset): "Contenu du DataMatrix INS illisible à la position \(offset + 1)."
        case .duplicateBlock(let id): "Le bloc S\(id) apparaît deux fois dans le DataMatrix INS."
        case .truncatedBlock(let id): "Le bloc S\(id) du DataMatrix INS est tronqué."
        case .missingBlock(let id): "Le bloc obligatoire S\(id) manque dans le DataMatrix INS."
        case .invalidIdentifier(let error): error.userMessage
        case .invalidTraits(let error): error.userMessage
        }
    }

    public var technicalDetail: String {
        switch self {
        case .notQualified(let status): "DataMatrix payload requires status QUAL, identity is \(status.rawValue)"
        case .nonASCII: "payload contains bytes outside printable ASCII and GS"
        case .missingHeader: "payload does not start with the 26-character IS01 header"
        case .unsupportedVersion(let version): "header version \(version) is not 01"
        case .unexpectedData(let offset): "expected a block identifier S1…S7 at byte offset \(offset)"
        case .duplicateBlock(let id): "block S\(id) occurs twice"
        case .truncatedBlock(let id): "block S\(id) is shorter than its fixed length"
        case .missingBlock(let id): "mandatory block S\(id) is missing"
        case .invalidIdentifier(let error): error.technicalDetail
        case .invalidTraits(let error): error.technicalDetail
        }
    }
}
