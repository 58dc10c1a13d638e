/// What `audit verify` found. `problems` are in chain order, so the first one is the first broken or missing
/// link; row problems name the last event that vouched for the row.
public struct AuditReport: Sendable, Hashable {
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        /// An event's stored hash is not what its content and the previous hash give (the event was edited).
        case alteredEvent(sequence: Int64)
        /// An event does not point to the hash of the event before it (the previous event was replaced).
        case brokenLink(sequence: Int64)
        /// Events are missing: the sequence jumps from `after` to `next`.
        case missingEvents(after: Int64, next: Int64)
        /// The chain ends before the recorded head (its last events were deleted), or the head was edited.
        case headMismatch(headSequence: Int64, lastSequence: Int64)
        /// A row differs from what the last event that wrote it recorded.
        case alteredRow(table: RecordTable, id: String, event: Int64)
        /// A row the log says was written is gone.
        case deletedRow(table: RecordTable, id: String, event: Int64)
        /// A row no event wrote.
        case unauditedRow(table: RecordTable, id: String)

        public var description: String {
            switch self {
            case .alteredEvent(let sequence): "event \(sequence): content does not match its hash (edited)"
            case .brokenLink(let sequence):
                "event \(sequence): previous-hash link broken (event \(sequence - 1) replaced)"
            case .missingEvents(let after, let next):
                "events \(after + 1)…\(next - 1) missing (chain jumps from \(after) to \(next))"
            case .headMismatch(let head, let last):
                "chain ends at event \(last) but the head says \(head) (tail deleted or head edited)"
            case .alteredRow(let table, let id, let event): "\(table.rawValue) \(id): edited after event \(event)"
            case .deletedRow(let table, let id, let event):
                "\(table.rawValue) \(id): deleted (written by event \(event))"
            case .unauditedRow(let table, let id): "\(table.rawValue) \(id): not written by any audit event"
            }
        }

        /// The audit event the problem is attached to, when there is one.
        public var eventSequence: Int64? {
            switch self {
            case .alteredEvent(let sequence), .brokenLink(let sequence): sequence
            case .missingEvents(let after, _): after + 1
            case .headMismatch(_, let last): last + 1
            case .alteredRow(_, _, let event), .deletedRow(_, _, let event): event
            case .unauditedRow: nil
            }
        }
    }

    public let eventsChecked: Int64
    public let rowsChecked: Int
    public let head: ChainHead
    public let problems: [Problem]

    public var isIntact: Bool { problems.isEmpty }
}
