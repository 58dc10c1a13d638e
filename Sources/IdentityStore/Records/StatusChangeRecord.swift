import Foundation
import INS

/// One RNIV transition of an identity: from which state to which, why, and who did it.
public struct StatusChangeRecord: Hashable, Sendable {
    public let id: UUID
    public let identityID: UUID
    public let from: RNIVState
    public let to: RNIVState
    public let reason: String
    public let actor: String
    public let at: Timestamp

    public init(
        id: UUID, identityID: UUID, from: RNIVState, to: RNIVState, reason: String, actor: String, at: Timestamp
    ) {
        self.id = id
        self.identityID = identityID
        self.from = from
        self.to = to
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}

extension StatusChangeRecord: AuditedRow {
    static var table: RecordTable { .statusHistory }
    var rowID: String { id.lowercaseText }

    static func attributes(_ state: RNIVState) -> String {
        state.attributes.sorted().map(\.rawValue).joined(separator: ",")
    }

    static func state(status: String, attributes: String) -> RNIVState? {
        guard let status = IdentityStatus(rawValue: status) else { return nil }
        var set = Set<IdentityAttribute>()
        for part in attributes.split(separator: ",") {
            guard let attribute = IdentityAttribute(rawValue: String(part)) else { return nil }
            set.insert(attribute)
        }
        return RNIVState(status: status, attributes: set)
    }
}
