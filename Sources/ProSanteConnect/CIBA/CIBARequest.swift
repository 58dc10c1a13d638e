import Foundation

/// A started CIBA request. The binding message must be shown to the user so they can match it on the phone.
public struct CIBARequest: Sendable {
    let authReqID: String
    public let bindingMessage: String
    public let channel: CIBAChannel
    public let expiresAt: Date
    public let interval: Double

    struct Response: Decodable {
        var authReqID: String
        var expiresIn: Double
        var interval: Double?

        enum CodingKeys: String, CodingKey {
            case authReqID = "auth_req_id"
            case expiresIn = "expires_in"
            case interval
        }
    }
}
