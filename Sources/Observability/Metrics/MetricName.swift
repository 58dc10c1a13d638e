/// Every metric Passerelle emits, with its labels. Labels never carry personal data.
public enum MetricName {
    /// Counter; `method` (ciba|browser|ecps), `outcome` (success|denied|expired|failure).
    public static let logins = "passerelle_logins_total"
    /// Counter; `operation`, `outcome` (found|notFound|multiple|otherCR|fault|httpError|transportError|…), `cr`.
    public static let insiCalls = "passerelle_insi_calls_total"
    /// Timer; `operation`.
    public static let insiCallDuration = "passerelle_insi_call_duration_seconds"
    /// Counter; `event` (inserted|removed|unusable|unavailable).
    public static let cardEvents = "passerelle_card_events_total"
    /// Timer; `route` (template, e.g. `/api/v1/identities/{id}`), `method`, `status`.
    public static let apiLatency = "passerelle_api_request_duration_seconds"
    /// Counter; `route`, `method`, `status`.
    public static let apiRequests = "passerelle_api_requests_total"
}
