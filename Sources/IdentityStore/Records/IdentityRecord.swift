import Foundation
import INS

/// One identity as stored: the traits as typed and their INSi form, the names in use (never filled from
/// INSi), the RNIV state, the INS when one is known and valid, and the INSi history exactly as returned.
public struct IdentityRecord: Hashable, Sendable {
    public let id: UUID
    public var traits: Traits
    public var normalized: NormalizedTraits
    public var nomUtilise: String?
    public var prenomUtilise: String?
    public var state: RNIVState
    /// Only ever a matricule whose key checked out; a wrong key is traced and flagged, never stored here.
    public var ins: INSIdentifier?
    /// INSHISTO as INSi returned it (raw XML fragment), untouched.
    public var insiHistory: String?
    /// FR Core validation-mode code of the evidence that validated the identity.
    public var validationModeCode: String?
    /// Incremented on every write; lets callers detect that what they read is stale.
    public var version: Int
    public let createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: UUID, traits: Traits, normalized: NormalizedTraits, nomUtilise: String? = nil,
        prenomUtilise: String? = nil, state: RNIVState = RNIVState(), ins: INSIdentifier? = nil,
        insiHistory: String? = nil, validationModeCode: String? = nil, version: Int = 1, createdAt: Timestamp,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.traits = traits
        self.normalized = normalized
        self.nomUtilise = nomUtilise
        self.prenomUtilise = prenomUtilise
        self.state = state
        self.ins = ins
        self.insiHistory = insiHistory
        self.validationModeCode = validationModeCode
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// What the interop views (FHIR, CDA, HL7) need.
    public var snapshot: IdentitySnapshot {
        IdentitySnapshot(
            localID: id.uuidString.lowercased(), traits: traits, nomUtilise: nomUtilise, prenomUtilise: prenomUtilise,
            state: state, ins: ins, validationModeCode: validationModeCode)
    }

    /// Attributes as stored: sorted raw values joined by commas.
    var attributesText: String { state.attributes.sorted().map(\.rawValue).joined(separator: ",") }

    /// Compact keys the duplicate search compares: letters only, so `LE GALL`, `LEGALL` and `LE-GALL` meet.
    var nomKey: String { NameKey.make(normalized.nomNaissance) }
    var prenomKey: String { NameKey.make(normalized.premierPrenom) }
}

extension IdentityRecord: AuditedRow {
    static var table: RecordTable { .identities }
    var rowID: String { id.lowercaseText }
}
