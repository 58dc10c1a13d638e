import Foundation

/// `application/x-www-form-urlencoded` and query strings. A parameter sent twice is an error (RFC 6749 §3.1):
/// `duplicates` lets the OAuth endpoints refuse it.
struct FormBody: Sendable {
    private(set) var values: [String: String] = [:]
    private(set) var duplicates: Set<String> = []

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.unescape(String(parts[0]))
            let value = parts.count > 1 ? Self.unescape(String(parts[1])) : ""
            if values[name] != nil { duplicates.insert(name) }
            values[name] = value
        }
    }

    subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }

    static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}
