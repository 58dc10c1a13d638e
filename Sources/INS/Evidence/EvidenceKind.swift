/// A kind of identity evidence. Data, not an enum: each structure keeps its own list (RNIV special cases,
/// local procedures), and the default list below is only a starting point.
public struct EvidenceKind: Hashable, Sendable, Codable, Identifiable {
    /// Stable identifier stored with each piece of evidence (e.g. `cni`).
    public let id: String
    /// French label shown to the referent.
    public let label: String
    /// Whether checking it validates the identity (RNIV "haut niveau de confiance").
    public let isHighTrust: Bool
    /// FR Core identity validation-mode code (CN, PA, CS, eCN, IN, AV…), when one exists.
    public let validationModeCode: String?
    /// Free guidance for the referent (what to check, which situations it covers).
    public let note: String?

    public init(id: String, label: String, isHighTrust: Bool, validationModeCode: String? = nil, note: String? = nil) {
        self.id = id
        self.label = label
        self.isHighTrust = isHighTrust
        self.validationModeCode = validationModeCode
        self.note = note
    }
}
