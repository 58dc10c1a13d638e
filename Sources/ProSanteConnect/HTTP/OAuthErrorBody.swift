import Foundation

/// RFC 6749 §5.2 error body.
struct OAuthErrorBody: Decodable, Sendable {
    var error: String
    var errorDescription: String?

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }

    static func parse(_ reply: HTTPReply) -> OAuthErrorBody? {
        try? JSONDecoder().decode(OAuthErrorBody.self, from: reply.body)
    }
}
