import Hummingbird

/// Headers every answer carries. Pages set their own `Content-Security-Policy` (with a per-response nonce);
/// everything else gets one that allows nothing.
enum SecurityHeaders {
    static let defaultCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    static func pageCSP(nonce: String) -> String {
        "default-src 'none'; script-src 'nonce-\(nonce)'; style-src 'nonce-\(nonce)'; connect-src 'self'; "
            + "img-src 'self' data:; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'"
    }

    /// Names outside HTTPTypes' registry list, built once (the initialiser is failable only for invalid tokens).
    private static let fixed: [(HTTPFields.Element.Name, String)] = [
        ("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), usb=()"),
    ].compactMap { name, value in HTTPFields.Element.Name(name).map { ($0, value) } }

    static func apply(to headers: inout HTTPFields) {
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = defaultCSP }
        headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in fixed { headers[name] = value }
    }
}
