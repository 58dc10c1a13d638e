/// The facts the admission middleware checks against, fixed once the listener knows its port.
struct AdmissionPolicy: Sendable {
    /// Lower-cased `Host` values accepted (DNS rebinding defence).
    let allowedHosts: Set<String>
    /// The broker's own origins (its pages post to themselves).
    let ownOrigins: Set<String>
    /// Paths where `application/x-www-form-urlencoded` is accepted: OAuth endpoints (RFC 6749 mandates forms)
    /// and the login pages' own forms (protected by a CSRF token and a SameSite=Strict cookie).
    let formPaths: Set<String>
    /// Bearer-protected routes that take a document body (`application/pdf` for tagging). Not a CSRF hole: such a
    /// media type is not CORS-safelisted, so a browser preflights it and the `Origin` check applies.
    let uploads: [UploadRoute]

    init(port: Int, extraHosts: [String], formPaths: Set<String>, uploads: [UploadRoute] = []) {
        self.uploads = uploads
        var hosts: Set<String> = ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
        for host in extraHosts { hosts.insert(host.lowercased()) }
        allowedHosts = hosts
        ownOrigins = ["http://127.0.0.1:\(port)", "http://localhost:\(port)", "http://[::1]:\(port)"]
        self.formPaths = formPaths
    }
}
