import Metrics
import Observability

/// The broker's counters (names and labels in `Observability.MetricName`). No-ops until
/// `PasserelleMetrics.bootstrap()` ran, which `BrokerServer` does.
enum BrokerMetrics {
    static func login(method: String, outcome: String) {
        Counter(label: MetricName.logins, dimensions: [("method", method), ("outcome", outcome)]).increment()
    }

    static func cardEvent(_ event: String) {
        Counter(label: MetricName.cardEvents, dimensions: [("event", event)]).increment()
    }
}
