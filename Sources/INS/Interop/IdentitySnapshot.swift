/// What the interop views need to know about one identity. The views decide what may be shown: the matricule
/// INS only appears when the status is QUAL.
public struct IdentitySnapshot: Hashable, Sendable {
    /// Local identifier (UUID) of the identity in this structure.
    public var localID: String
    /// OID of the structure's local identifier domain, when it has one (CDA/HL7 need a root).
    public var localAssigningAuthority: String?
    public var traits: Traits
    public var nomUtilise: String?
    public var prenomUtilise: String?
    public var state: RNIVState
    public var ins: INSIdentifier?
    /// FR Core validation-mode code of the evidence that validated the identity (CN, PA…).
    public var validationModeCode: String?

    public init(
        localID: String, localAssigningAuthority: String? = nil, traits: Traits, nomUtilise: String? = nil,
        prenomUtilise: String? = nil, state: RNIVState, ins: INSIdentifier? = nil, validationModeCode: String? = nil
    ) {
        self.localID = localID
        self.localAssigningAuthority = localAssigningAuthority
        self.traits = traits
        self.nomUtilise = nomUtilise
        self.prenomUtilise = prenomUtilise
        self.state = state
        self.ins = ins
        self.validationModeCode = validationModeCode
    }

    /// The INS, only when it may be shared (status QUAL).
    public var shareableINS: INSIdentifier? { state.status.mayShareINS ? ins : nil }

    /// Traits in INS form when they pass the normaliser, as typed otherwise (a provisional identity may hold
    /// text INSi would refuse; exchanges still need to carry it).
    var exchangeNom: String {
        (try? LexicalNormalizer.normalize(traits.nomNaissance, field: .nomNaissance)) ?? traits.nomNaissance
    }
    var exchangePrenoms: [String] {
        let list = (try? LexicalNormalizer.normalize(traits.prenoms, field: .prenoms)) ?? traits.prenoms
        return list.split(separator: " ").map(String.init)
    }
}
