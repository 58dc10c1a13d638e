import Foundation

/// The claims of a PSC ID token that the client checks or hands on. Unknown claims are ignored.
public struct IDTokenClaims: Sendable, Codable, Equatable {
    public var iss: String
    public var sub: String
    public var aud: [String]
    public var exp: Double
    public var iat: Double
    public var nbf: Double?
    public var authTime: Double?
    public var nonce: String?
    public var acr: String?
    public var azp: String?
    public var sid: String?
    /// PSC's user key (national id, idNat_PS). Absent from some tokens: then it comes from userinfo.
    public var subjectNameID: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nbf, nonce, acr, azp, sid
        case authTime = "auth_time"
        case subjectNameID = "SubjectNameID"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decode(String.self, forKey: .iss)
        sub = try container.decode(String.self, forKey: .sub)
        // `aud` is a string or an array of strings (RFC 7519 §4.1.3).
        if let single = try? container.decode(String.self, forKey: .aud) {
            aud = [single]
        } else {
            aud = try container.decode([String].self, forKey: .aud)
        }
        exp = try container.decode(Double.self, forKey: .exp)
        iat = try container.decode(Double.self, forKey: .iat)
        nbf = try container.decodeIfPresent(Double.self, forKey: .nbf)
        authTime = try container.decodeIfPresent(Double.self, forKey: .authTime)
        nonce = try container.decodeIfPresent(String.self, forKey: .nonce)
        acr = try container.decodeIfPresent(String.self, forKey: .acr)
        azp = try container.decodeIfPresent(String.self, forKey: .azp)
        sid = try container.decodeIfPresent(String.self, forKey: .sid)
        subjectNameID = try? container.decodeIfPresent(String.self, forKey: .subjectNameID)
    }
}
