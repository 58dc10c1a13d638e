/// The facts the admission middleware checks against, fixed once the listener knows its port.
struct AdmissionPolicy: Sendable {
    /// Lower-cased `Host` values accepted (DNS rebinding defence).
    let allowedHosts: Set<String>
    /// The broker's own origins (its pages post to themselves).
    let ownOrigins: Set<String>
    /// Paths where `application/x-www-form-urlencoded` is accepted: OAuth endpoints (RFC 6749 mandates forms)
    /// and the login pages' own forms (protected by a CSRF token and a SameSite=Strict cookie).
    let formPaths: Set<String>

    init(port: Int, extraHosts: [String], formPaths: Set<String>) {
        var hosts: Set<String> = ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
        for host in extraHosts { hosts.insert(host.lowercased()) }
        allowedHosts = hosts
        ownOrigins = ["http://127.0.0.1:\(port)", "http://localhost:\(port)", "http://[::1]:\(port)"]
        self.formPaths = formPaths
    }
}
