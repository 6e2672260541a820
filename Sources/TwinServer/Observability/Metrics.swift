import Metrics
public import Prometheus

/// The server's metrics, counted through swift-metrics into a Prometheus registry of this
/// server's own (not the process-wide `MetricsSystem`, so that several servers in one test
/// process count apart), and shown at `GET /metrics` in Prometheus' text format:
///
/// - `jobtwin_http_requests_total{channel, status}` — every request, by channel and status;
/// - `jobtwin_http_request_duration_seconds{channel}` — their latency;
/// - `jobtwin_turns_total{channel}` and `jobtwin_turn_duration_seconds{channel}` — the
///   messages handed to the assistant and how long their turns took;
/// - `jobtwin_late_replies_total{channel}` — turns that outlasted the platform's reply
///   deadline (Slack slash commands, Teams), answered with an interim text;
/// - `jobtwin_errors_total{channel, kind}` — refused requests and failures, by kind
///   (`unauthorized`, `bad_request`, `too_large`, `rate_limited`, `storage`,
///   `late_reply_post`, …).
public final class ServerMetrics: Sendable {
    /// The registry the text exposition is read from.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    /// Creates empty metrics.
    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Turns take milliseconds; the default buckets start at 5 ms and would hide them.
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .milliseconds(2_500), .seconds(5),
        ]
        self.registry = registry
        self.factory = factory
    }

    /// Counts one answered request.
    func request(channel: String, status: Int, duration: Duration) {
        Counter(label: "jobtwin_http_requests_total", dimensions: [("channel", channel), ("status", String(status))], factory: factory)
            .increment()
        Metrics.Timer(label: "jobtwin_http_request_duration_seconds", dimensions: [("channel", channel)], factory: factory)
            .record(duration: duration)
    }

    /// Counts one turn of the assistant.
    func turn(channel: String, duration: Duration) {
        Counter(label: "jobtwin_turns_total", dimensions: [("channel", channel)], factory: factory).increment()
        Metrics.Timer(label: "jobtwin_turn_duration_seconds", dimensions: [("channel", channel)], factory: factory)
            .record(duration: duration)
    }

    /// Counts one turn that outlasted its channel's reply deadline.
    func lateReply(channel: String) {
        Counter(label: "jobtwin_late_replies_total", dimensions: [("channel", channel)], factory: factory).increment()
    }

    /// Counts one refused or failed request.
    func error(channel: String, kind: String) {
        Counter(label: "jobtwin_errors_total", dimensions: [("channel", channel), ("kind", kind)], factory: factory).increment()
    }

    /// The Prometheus text exposition of everything counted.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
