import INS

/// Every refusal or failure of the identity store. Bad input and RNIV refusals are the caller's to fix (exit
/// code 2); `unavailable` means the database could not be reached or written (exit code 3).
public enum StoreError: PasserelleError, Equatable {
    case notFound(id: String)
    case invalidTraits(TraitError)
    case invalidINS(INSIdentifierError)
    case matriculeKeyMismatch(given: Int, expected: Int)
    case refused(RNIVRefusal)
    case unknownEvidenceKind(String)
    case traitsNotConfirmed
    case invalidInput(field: String, reason: String)
    case unavailable(String)
    case corrupted(String)

    public var code: String {
        switch self {
        case .notFound: "store.not-found"
        case .invalidTraits(let error): error.code
        case .invalidINS(let error): error.code
        case .matriculeKeyMismatch: "store.insi-key-mismatch"
        case .refused(let refusal): refusal.code
        case .unknownEvidenceKind: "store.evidence-kind-unknown"
        case .traitsNotConfirmed: "store.traits-not-confirmed"
        case .invalidInput: "store.invalid-input"
        case .unavailable: "store.unavailable"
        case .corrupted: "store.corrupted"
        }
    }

    public var userMessage: String {
        switch self {
        case .notFound(let id): "Aucune identité ne porte l'identifiant « \(id) »."
        case .invalidTraits(let error): error.userMessage
        case .invalidINS(let error): error.userMessage
        case .matriculeKeyMismatch(let given, let expected):
            "INSi a renvoyé un matricule dont la clé est fausse (\(given) au lieu de \(expected)) : le résultat est signalé et n'est pas enregistré comme valide."
        case .refused(let refusal): refusal.userMessage
        case .unknownEvidenceKind(let id):
            "Le justificatif « \(id) » ne fait pas partie de la liste configurée pour la structure."
        case .traitsNotConfirmed:
            "Les traits renvoyés par INSi doivent être confirmés avec la personne avant de passer l'identité en « récupérée »."
        case .invalidInput(let field, let reason): "Valeur invalide pour « \(field) » : \(reason)."
        case .unavailable:
            "La base des identités est indisponible. Réessayez ; si le problème persiste, prévenez l'administrateur."
        case .corrupted:
            "La base des identités contient une donnée illisible : prévenez l'administrateur et lancez « audit-verify »."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .notFound(let id): "no identity with id \(id)"
        case .invalidTraits(let error): error.technicalDetail
        case .invalidINS(let error): error.technicalDetail
        case .matriculeKeyMismatch(let given, let expected):
            "INSi returned a matricule with key \(given), expected \(expected); flagged, not stored as valid"
        case .refused(let refusal): refusal.technicalDetail
        case .unknownEvidenceKind(let id): "evidence kind \(id) is not in the configured catalogue"
        case .traitsNotConfirmed: "RECUP requires operator confirmation of the returned traits"
        case .invalidInput(let field, let reason): "invalid \(field): \(reason)"
        case .unavailable(let detail): "database unavailable: \(detail)"
        case .corrupted(let detail): "unreadable stored data: \(detail)"
        }
    }

    /// Whether the failure is the database's (exit code 3) rather than the caller's (exit code 2).
    public var isUnavailable: Bool {
        if case .unavailable = self { return true }
        return false
    }

    /// Wraps any error thrown by a driver into a store error, keeping store errors as they are.
    static func wrap(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        return .unavailable(String(describing: error))
    }
}

extension TraitError {
    /// Lexical refusals surface as trait errors so callers handle one family.
    static func from(_ error: LexicalError) -> TraitError { .lexical(error) }
}
