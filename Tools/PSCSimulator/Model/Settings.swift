import Foundation

/// Everything switchable at run time through `POST /admin/settings` (JSON, all fields optional).
struct Settings: Codable, Sendable {
    var accessTokenLifetime: Double = 120
    var refreshTokenLifetime: Double = 1800
    var idTokenLifetime: Double = 300
    var codeLifetime: Double = 60
    var cibaExpiresIn: Double = 120
    var cibaInterval: Double = 5
    /// Polls closer together than this get `slow_down` (defaults to `cibaInterval`).
    var cibaMinimumPollInterval: Double?
    /// Approve CIBA requests automatically after this many seconds (nil = wait for admin/CLI).
    var cibaAutoApproveAfter: Double?
    /// Seconds added to the simulator's clock in every issued time claim.
    var clockSkew: Double = 0
    var userinfoAsJWT = false
    var idTokenAlgorithm = "RS256"
    /// Come back from RP-initiated logout without `state`, as PSC sometimes does.
    var logoutOmitState = false
    /// `rfc8705` or `ans-base64-hex` for `cnf.x5t#S256` of exchanged tokens.
    var cnfEncoding = "rfc8705"
    var acr = "eidas1"

    mutating func merge(_ json: [String: Any]) {
        func number(_ key: String) -> Double? { (json[key] as? NSNumber)?.doubleValue }
        if let v = number("accessTokenLifetime") { accessTokenLifetime = v }
        if let v = number("refreshTokenLifetime") { refreshTokenLifetime = v }
        if let v = number("idTokenLifetime") { idTokenLifetime = v }
        if let v = number("codeLifetime") { codeLifetime = v }
        if let v = number("cibaExpiresIn") { cibaExpiresIn = v }
        if let v = number("cibaInterval") { cibaInterval = v }
        if let v = number("cibaMinimumPollInterval") { cibaMinimumPollInterval = v }
        if json["cibaAutoApproveAfter"] is NSNull { cibaAutoApproveAfter = nil }
        if let v = number("cibaAutoApproveAfter") { cibaAutoApproveAfter = v }
        if let v = number("clockSkew") { clockSkew = v }
        if let v = json["userinfoAsJWT"] as? Bool { userinfoAsJWT = v }
        if let v = json["idTokenAlgorithm"] as? String { idTokenAlgorithm = v }
        if let v = json["logoutOmitState"] as? Bool { logoutOmitState = v }
        if let v = json["cnfEncoding"] as? String { cnfEncoding = v }
        if let v = json["acr"] as? String { acr = v }
    }
}
