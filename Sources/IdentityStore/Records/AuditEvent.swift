import Foundation

/// One link of the append-only audit chain. `hash = SHA-256(previousHash ‖ canonical record)`; `sequence`
/// runs 1, 2, 3… without gaps, so a deleted event shows as a missing number and an edited one as a hash
/// that no longer matches.
public struct AuditEvent: Hashable, Sendable, Codable {
    public enum Action: String, Hashable, Sendable, Codable, CaseIterable {
        case create
        case update
        case statusChange = "status-change"
        case insiCall = "insi-call"
        case evidence
        case workList = "work-list"
        case export
        case importBatch = "import"
    }

    public let sequence: Int64
    public let at: Timestamp
    public let actor: String
    public let action: Action
    /// The identity the event is about, when there is one.
    public let entityID: String?
    /// English, free text or compact JSON; never a full matricule.
    public let summary: String
    /// The rows this event wrote and their digests.
    public let rows: [RowReference]
    public let previousHash: String
    public let hash: String

    /// The hash of the link before the first one.
    public static let genesisHash = String(repeating: "0", count: 64)

    var canonicalFields: [String?] {
        [
            String(sequence), String(at.milliseconds), actor, action.rawValue, entityID, summary,
            RowReference.encode(rows),
        ]
    }

    static func computeHash(previousHash: String, fields: [String?]) -> String {
        CanonicalEncoding.digest([previousHash] + fields)
    }

    /// Whether the stored hash is what the stored content and the previous hash give.
    var isSelfConsistent: Bool { Self.computeHash(previousHash: previousHash, fields: canonicalFields) == hash }
}

/// The end of the chain: the last sequence number and its hash, stored in its own row so that a deleted
/// tail is noticed too.
public struct ChainHead: Hashable, Sendable {
    public let sequence: Int64
    public let hash: String

    public static let empty = ChainHead(sequence: 0, hash: AuditEvent.genesisHash)
}
