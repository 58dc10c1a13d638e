import Foundation
import INS
import INSi
import Metrics
import Observability
import Synchronization

/// The API's INSi trace sink and its memory of recent searches.
///
/// Every call is appended to the trace file (0600, synced: the RNIV trace) before the client may use the answer,
/// counted in the metrics, and handed to the search running in the same task, so that a search answered to an
/// app keeps the exact calls behind it. A search result waits here (30 minutes, at most `capacity`) until the
/// referent attaches it to an identity; the call that answered is then stored with the identity.
public final class INSiLedger: INSiTraceSink, Sendable {
    /// Collects the traces of the search running in the current task.
    final class Collector: Sendable {
        let traces = Mutex<[INSiTrace]>([])
    }

    @TaskLocal static var collector: Collector?

    public struct StoredSearch: Sendable {
        public let id: UUID
        public let outcome: INSiSearchOutcome
        public let traces: [INSiTrace]
        public let createdAt: Date
    }

    private let file: JSONLinesTraceSink?
    private let searches = Mutex<[UUID: StoredSearch]>([:])
    private let lifetime: TimeInterval
    private let capacity: Int

    public init(traceFile: String?, lifetime: TimeInterval = 30 * 60, capacity: Int = 1_000) {
        file = traceFile.map { JSONLinesTraceSink(path: $0) }
        self.lifetime = lifetime
        self.capacity = capacity
    }

    public func record(_ trace: INSiTrace) async throws {
        try await file?.record(trace)
        let cr = trace.codeCR ?? "-"
        Counter(
            label: MetricName.insiCalls,
            dimensions: [("operation", trace.operation.rawValue), ("outcome", trace.outcome.rawValue), ("cr", cr)]
        ).increment()
        Timer(label: MetricName.insiCallDuration, dimensions: [("operation", trace.operation.rawValue)])
            .recordNanoseconds(Int64(trace.durationMilliseconds * 1_000_000))
        Self.collector?.traces.withLock { $0.append(trace) }
    }

    /// Runs `search` with a collector and keeps its outcome and traces under a new id.
    func run(_ search: () async throws(INSiError) -> INSiSearchOutcome) async throws(INSiError) -> StoredSearch {
        let collector = Collector()
        let outcome: INSiSearchOutcome
        do {
            outcome = try await Self.$collector.withValue(collector) { try await search() }
        } catch let error as INSiError {
            throw error
        } catch {
            throw .traceNotStored("\(error)")
        }
        let stored = StoredSearch(
            id: UUID(), outcome: outcome, traces: collector.traces.withLock { $0 }, createdAt: Date())
        let now = Date()
        searches.withLock { entries in
            entries = entries.filter { now.timeIntervalSince($0.value.createdAt) < lifetime }
            if entries.count >= capacity, let oldest = entries.min(by: { $0.value.createdAt < $1.value.createdAt }) {
                entries[oldest.key] = nil
            }
            entries[stored.id] = stored
        }
        return stored
    }

    func search(_ id: UUID) -> StoredSearch? {
        let now = Date()
        return searches.withLock { entries in
            guard let entry = entries[id], now.timeIntervalSince(entry.createdAt) < lifetime else { return nil }
            return entry
        }
    }
}
