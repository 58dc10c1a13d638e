import Foundation

/// `application/x-www-form-urlencoded` as OAuth wants it (RFC 6749 Appendix B): space as `+`, everything but
/// unreserved characters percent-encoded.
enum FormEncoding {
    private static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return set
    }()

    static func escape(_ value: String) -> String {
        (value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
    }

    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1).replacingOccurrences(of: "%20", with: "+"))" }
            .joined(separator: "&")
    }

    static func decode(_ text: String) -> [(String, String)] {
        text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawName = parts.first else { return nil }
            let rawValue = parts.count > 1 ? parts[1] : ""
            let name = String(rawName).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            let value = String(rawValue).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            return (name, value)
        }
    }
}
