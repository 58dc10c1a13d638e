import CoreMetrics
import Prometheus
import Synchronization

/// The process's Prometheus registry behind swift-metrics. `bootstrap()` is idempotent (swift-metrics allows one
/// factory per process; tests start many brokers in one process), and `render()` is the `/metrics` body.
public enum PasserelleMetrics {
    public static let registry = PrometheusCollectorRegistry()
    private static let done = Mutex(false)

    public static func bootstrap() {
        let first = done.withLock { installed in
            defer { installed = true }
            return !installed
        }
        guard first else { return }
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
    }

    /// Prometheus text exposition format 0.0.4.
    public static func render() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16_384)
        registry.emit(into: &buffer)
        return buffer
    }
}
