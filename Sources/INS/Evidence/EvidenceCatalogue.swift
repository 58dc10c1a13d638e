/// The evidence kinds a structure accepts. Loaded from configuration (JSON/YAML) when the structure has its own
/// list; `rnivDefault` otherwise. No kind is ever pre-selected for the referent.
public struct EvidenceCatalogue: Hashable, Sendable, Codable {
    public let kinds: [EvidenceKind]

    public init(kinds: [EvidenceKind]) throws(EvidenceCatalogueError) {
        var seen = Set<String>()
        for kind in kinds {
            guard !kind.id.isEmpty, kind.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { throw .invalidIdentifier(kind.id) }
            guard seen.insert(kind.id).inserted else { throw .duplicateIdentifier(kind.id) }
        }
        guard !kinds.isEmpty else { throw .empty }
        self.kinds = kinds
    }

    public func kind(id: String) -> EvidenceKind? { kinds.first { $0.id == id } }

    /// The RNIV list of high-trust documents and the special cases of the 2024 version.
    public static let rnivDefault = EvidenceCatalogue(
        unchecked: [
            EvidenceKind(
                id: "cni", label: "Carte nationale d'identité française", isHighTrust: true, validationModeCode: "CN"),
            EvidenceKind(id: "passeport", label: "Passeport", isHighTrust: true, validationModeCode: "PA"),
            EvidenceKind(
                id: "titre-sejour", label: "Titre de séjour", isHighTrust: true, validationModeCode: "CS",
                note: "Ressortissants de l'UE/EEE/Suisse ou d'autres pays."),
            EvidenceKind(
                id: "cni-ue", label: "Carte d'identité d'un pays de l'UE/EEE ou de Suisse", isHighTrust: true,
                validationModeCode: "CN"),
            EvidenceKind(
                id: "e-cni", label: "Carte nationale d'identité électronique (e-CNI, moyen eIDAS)", isHighTrust: true,
                validationModeCode: "eCN"),
            EvidenceKind(
                id: "identite-numerique-la-poste", label: "Identité Numérique La Poste (moyen eIDAS substantiel)",
                isHighTrust: true, validationModeCode: "IN"),
            EvidenceKind(
                id: "appli-carte-vitale", label: "Appli carte Vitale", isHighTrust: true, validationModeCode: "AV",
                note: "Identité issue de l'Appli carte Vitale."),
            EvidenceKind(
                id: "livret-famille-parent",
                label: "Livret de famille ou acte de naissance + pièce d'identité d'un parent",
                isHighTrust: true, note: "Mineur sans pièce d'identité (RNIV 2024)."),
            EvidenceKind(
                id: "admission-ehpad-directe",
                label: "Admission directe en EHPAD : pièce transmise par l'établissement d'origine",
                isHighTrust: true, note: "Cas particulier RNIV 2024 ; selon la procédure de la structure."),
            EvidenceKind(
                id: "carte-vitale", label: "Carte Vitale (physique)", isHighTrust: false,
                note: "Ne permet pas de valider une identité."),
        ])

    private init(unchecked kinds: [EvidenceKind]) { self.kinds = kinds }
}

public enum EvidenceCatalogueError: PasserelleError, Equatable {
    case empty
    case invalidIdentifier(String)
    case duplicateIdentifier(String)

    public var code: String {
        switch self {
        case .empty: "evidence.catalogue-empty"
        case .invalidIdentifier: "evidence.invalid-id"
        case .duplicateIdentifier: "evidence.duplicate-id"
        }
    }

    public var userMessage: String {
        switch self {
        case .empty: "La liste des justificatifs d'identité est vide."
        case .invalidIdentifier(let id):
            "L'identifiant de justificatif « \(id) » est invalide (lettres, chiffres et tirets uniquement)."
        case .duplicateIdentifier(let id): "L'identifiant de justificatif « \(id) » apparaît deux fois."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .empty: "the evidence catalogue has no kind"
        case .invalidIdentifier(let id): "evidence kind id \(id.debugDescription) must be [A-Za-z0-9-]+"
        case .duplicateIdentifier(let id): "evidence kind id \(id) is duplicated"
        }
    }
}
