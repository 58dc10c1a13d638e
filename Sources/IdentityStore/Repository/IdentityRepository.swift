import Foundation
import INS

/// What the broker and the CLI use. Every write is one transaction that also appends to the hash-chained
/// audit log; every method either does all of its work or none of it.
public protocol IdentityRepository: Sendable {
    func create(_ new: NewIdentity, actor: String) async throws(StoreError) -> IdentityRecord
    func identity(_ id: UUID) async throws(StoreError) -> IdentityRecord
    func updateTraits(_ id: UUID, with edit: TraitsEdit, actor: String) async throws(StoreError) -> IdentityRecord
    /// Stores an INSi answer. RECUP only when `operatorConfirmedTraits`; a matricule with a wrong key is traced,
    /// put on the work list and refused with `.matriculeKeyMismatch`.
    func attachINSiResult(_ id: UUID, _ result: INSiResult, actor: String) async throws(StoreError) -> IdentityRecord
    func recordVerification(_ id: UUID, succeeded: Bool, call: INSiCallTrace, actor: String)
        async throws(StoreError) -> IdentityRecord
    func addEvidence(_ id: UUID, _ evidence: NewEvidence, actor: String) async throws(StoreError) -> IdentityRecord
    func setAttribute(_ id: UUID, _ attribute: IdentityAttribute, actor: String) async throws(StoreError)
        -> IdentityRecord
    func clearAttribute(_ id: UUID, _ attribute: IdentityAttribute, actor: String) async throws(StoreError)
        -> IdentityRecord
    func search(_ query: IdentitySearch, limit: Int) async throws(StoreError) -> [IdentityRecord]
    func probableDuplicates(of id: UUID) async throws(StoreError) -> [DuplicateCandidate]
    func probableDuplicates(of record: IdentityRecord) async throws(StoreError) -> [DuplicateCandidate]
    func history(_ id: UUID) async throws(StoreError) -> IdentityHistory
    func workList(openOnly: Bool) async throws(StoreError) -> [WorkListItem]
    func importIdentities(_ batch: [NewIdentity], actor: String) async throws(StoreError) -> [IdentityRecord]
    func recordExport(format: String, count: Int, actor: String) async throws(StoreError)
    func exportPage(after id: UUID?, limit: Int) async throws(StoreError) -> [IdentityRecord]
    func verifyAudit() async throws(StoreError) -> AuditReport
    func close() async
}

/// An identity to create: the traits as typed, the names in use, and an INS when one is already known.
public struct NewIdentity: Sendable, Hashable {
    public var traits: Traits
    public var nomUtilise: String?
    public var prenomUtilise: String?
    public var ins: INSIdentifier?

    public init(traits: Traits, nomUtilise: String? = nil, prenomUtilise: String? = nil, ins: INSIdentifier? = nil) {
        self.traits = traits
        self.nomUtilise = nomUtilise
        self.prenomUtilise = prenomUtilise
        self.ins = ins
    }
}

/// A change of traits. `againstDocument` says the change was made reading a high-trust document again.
public struct TraitsEdit: Sendable, Hashable {
    public var traits: Traits
    public var nomUtilise: String?
    public var prenomUtilise: String?
    public var againstDocument: Bool
    public var reason: String

    public init(
        traits: Traits, nomUtilise: String? = nil, prenomUtilise: String? = nil, againstDocument: Bool = false,
        reason: String
    ) {
        self.traits = traits
        self.nomUtilise = nomUtilise
        self.prenomUtilise = prenomUtilise
        self.againstDocument = againstDocument
        self.reason = reason
    }
}

/// A piece of identity evidence to record.
public struct NewEvidence: Sendable, Hashable {
    public var kindID: String
    public var documentReference: String?
    public var note: String?

    public init(kindID: String, documentReference: String? = nil, note: String? = nil) {
        self.kindID = kindID
        self.documentReference = documentReference
        self.note = note
    }
}

/// The raw trace of an INSi exchange, as the INSi client produced it.
public struct INSiCallTrace: Sendable, Hashable {
    public var mode: String
    public var operation: String
    public var messageID: String
    public var requestXML: String
    public var responseXML: String
    public var resultCode: String?
    public var fault: String?
    public var durationMilliseconds: Int

    public init(
        mode: String, operation: String, messageID: String, requestXML: String, responseXML: String,
        resultCode: String?, fault: String? = nil, durationMilliseconds: Int
    ) {
        self.mode = mode
        self.operation = operation
        self.messageID = messageID
        self.requestXML = requestXML
        self.responseXML = responseXML
        self.resultCode = resultCode
        self.fault = fault
        self.durationMilliseconds = durationMilliseconds
    }
}

/// An INSi answer for one identity. The matricule is given raw: its key is judged here, not trusted.
public struct INSiResult: Sendable, Hashable {
    public var call: INSiCallTrace
    public var matricule: String?
    public var oid: String?
    public var returnedTraits: NormalizedTraits?
    /// INSHISTO exactly as returned.
    public var history: String?
    /// The operator checked the returned traits with the person (required for RECUP).
    public var operatorConfirmedTraits: Bool

    public init(
        call: INSiCallTrace, matricule: String?, oid: String?, returnedTraits: NormalizedTraits?, history: String?,
        operatorConfirmedTraits: Bool
    ) {
        self.call = call
        self.matricule = matricule
        self.oid = oid
        self.returnedTraits = returnedTraits
        self.history = history
        self.operatorConfirmedTraits = operatorConfirmedTraits
    }
}

/// The three searches of the referent console.
public enum IdentitySearch: Sendable, Hashable {
    /// The five traits, compared in normal form (birth place only when given).
    case traits(Traits)
    case matricule(String)
    /// A beginning of the nom de naissance, optionally followed by a beginning of the first prénom.
    case name(String)
}

/// Everything that happened to one identity.
public struct IdentityHistory: Sendable {
    public let identity: IdentityRecord
    public let statusChanges: [StatusChangeRecord]
    public let evidence: [EvidenceRecord]
    public let insiCalls: [INSiCallRecord]
    public let workItems: [WorkListItem]
    public let auditEvents: [AuditEvent]
}
