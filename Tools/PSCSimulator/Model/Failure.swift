/// A failure injected at run time (`POST /admin/failures`): which endpoint misbehaves, how, and how often.
struct Failure: Codable, Sendable {
    /// discovery, jwks, token, userinfo, ciba, introspect, authorize, or `all`.
    var endpoint: String
    /// http500, http503, timeout, malformedJSON, badSignature, wrongAudience, wrongIssuer, wrongNonce,
    /// wrongAzp, expired, futureIat, acr, unknownKid, noneAlgorithm, missingSubjectNameID.
    var mode: String
    /// Extra value (the `acr` to send; the delay of `timeout` in seconds).
    var value: String?
    /// How many more responses are affected; nil = until cleared.
    var remaining: Int?
}
