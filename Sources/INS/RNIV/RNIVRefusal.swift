/// Why the RNIV state machine refused an event. The state is unchanged after a refusal.
public enum RNIVRefusal: PasserelleError, Equatable {
    case insiBlocked(by: IdentityAttribute)
    case documentNotHighTrust(EvidenceKind)
    case documentWhileAttribute(IdentityAttribute)
    case nothingToVerify(IdentityStatus)
    case attributeAlreadySet(IdentityAttribute)
    case attributeNotSet(IdentityAttribute)
    case incompatibleAttributes(IdentityAttribute, IdentityAttribute)

    public var code: String {
        switch self {
        case .insiBlocked: "rniv.insi-blocked"
        case .documentNotHighTrust: "rniv.document-not-high-trust"
        case .documentWhileAttribute: "rniv.document-while-attribute"
        case .nothingToVerify: "rniv.nothing-to-verify"
        case .attributeAlreadySet: "rniv.attribute-already-set"
        case .attributeNotSet: "rniv.attribute-not-set"
        case .incompatibleAttributes: "rniv.incompatible-attributes"
        }
    }

    public var userMessage: String {
        switch self {
        case .insiBlocked(let attribute):
            "Appel INSi interdit : l'identité porte l'attribut « \(attribute.label) ». Levez-le d'abord si la situation le permet."
        case .documentNotHighTrust(let kind):
            "Le justificatif « \(kind.label) » n'est pas un document à haut niveau de confiance : il ne permet pas de valider l'identité."
        case .documentWhileAttribute(let attribute):
            "Impossible de valider une identité portant l'attribut « \(attribute.label) » : levez-le d'abord."
        case .nothingToVerify(let status):
            "Aucune INS à vérifier : l'identité est au statut « \(status.label) »."
        case .attributeAlreadySet(let attribute): "L'attribut « \(attribute.label) » est déjà positionné."
        case .attributeNotSet(let attribute): "L'attribut « \(attribute.label) » n'est pas positionné."
        case .incompatibleAttributes(let a, let b):
            "Les attributs « \(a.label) » et « \(b.label) » ne peuvent pas être combinés (seuls « identité douteuse » et « homonyme » le peuvent)."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .insiBlocked(let attribute): "INSi calls are forbidden while attribute \(attribute.rawValue) is set"
        case .documentNotHighTrust(let kind): "evidence kind \(kind.id) is not high-trust"
        case .documentWhileAttribute(let attribute):
            "document validation refused while attribute \(attribute.rawValue) is set"
        case .nothingToVerify(let status): "no INS to verify in status \(status.rawValue)"
        case .attributeAlreadySet(let attribute): "attribute \(attribute.rawValue) already set"
        case .attributeNotSet(let attribute): "attribute \(attribute.rawValue) not set"
        case .incompatibleAttributes(let a, let b):
            "attributes \(a.rawValue) and \(b.rawValue) cannot be combined"
        }
    }
}
