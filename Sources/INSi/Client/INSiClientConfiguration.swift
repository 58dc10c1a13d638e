/// What an `INSiClient` needs besides its transport: where, who, how long, how persistent.
public struct INSiClientConfiguration: Sendable {
    public var mode: INSiMode
    /// Endpoint URL for this mode (configuration, never a constant).
    public var endpoint: String
    public var lps: LPSIdentity
    /// Structure id (OU of the organisation certificate) in mTLS mode; ignored in CPx mode, where the
    /// professional's national id is the emitter.
    public var structureID: String
    public var requestTimeout: Duration
    public var retry: RetryPolicy
    public var breaker: CircuitBreaker.Settings
    /// Required in CPx mode.
    public var professional: CPxProfessional?

    public init(
        mode: INSiMode, endpoint: String, lps: LPSIdentity, structureID: String,
        requestTimeout: Duration = .seconds(15), retry: RetryPolicy = RetryPolicy(),
        breaker: CircuitBreaker.Settings = .init(), professional: CPxProfessional? = nil
    ) {
        self.mode = mode
        self.endpoint = endpoint
        self.lps = lps
        self.structureID = structureID
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.breaker = breaker
        self.professional = professional
    }

    var emitter: String {
        mode == .cpx ? (professional?.nationalID ?? structureID) : structureID
    }
}
