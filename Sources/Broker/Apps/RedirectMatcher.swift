import Foundation

/// Redirect URI comparison: exact string match, except that a registered `http://127.0.0.1/…` or
/// `http://[::1]/…` matches any port (RFC 8252 §7.3: native apps bind an ephemeral port).
enum RedirectMatcher {
    static func matches(_ candidate: String, registered: [String]) -> Bool {
        registered.contains { matches(candidate, registered: $0) }
    }

    static func matches(_ candidate: String, registered: String) -> Bool {
        if candidate == registered { return true }
        guard let wanted = URLComponents(string: registered), let given = URLComponents(string: candidate),
            wanted.scheme == "http", given.scheme == "http",
            let host = wanted.host, host == "127.0.0.1" || host == "::1" || host == "[::1]",
            given.host == wanted.host, given.user == nil, given.password == nil, given.fragment == nil
        else { return false }
        return given.percentEncodedPath == wanted.percentEncodedPath
            && given.percentEncodedQuery == wanted.percentEncodedQuery
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "::1" || host == "[::1]" || host == "localhost"
    }
}
