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

extension IDTokenClaims {
    private static let names = [
        "iss", "sub", "aud", "exp", "iat", "nbf", "auth_time", "nonce", "acr", "azp", "sid", "SubjectNameID",
    ]
    private static let nameBytes = names.map { Array($0.utf8) }

    /// The claims from the verified payload in one pass over its bytes, with the same types and requirements as
    /// `init(from:)`: `iss`, `sub`, `aud` (a string or an array of strings), `exp` and `iat` are required;
    /// the others may be absent or null; a `SubjectNameID` that is not a string counts as absent.
    init(payload: Data) throws(PSCError) {
        let scanned = payload.withUnsafeBytes { raw in
            Result { () throws(JSONObjectScanner.Failure) in
                try JSONObjectScanner.members(of: raw.bindMemory(to: UInt8.self), named: Self.nameBytes)
            }
        }
        let values: [JSONObjectScanner.Value?]
        switch scanned {
        case .success(let found): values = found
        case .failure(.duplicate(let name)): throw .invalidToken(.malformed("claims: \(name) appears twice"))
        case .failure(.syntax(let offset)): throw .invalidToken(.malformed("claims: not JSON at byte \(offset)"))
        }
        func member(_ name: String) -> JSONObjectScanner.Value? {
            Self.names.firstIndex(of: name).flatMap { values[$0] }
        }
        func string(_ name: String) throws(PSCError) -> String? {
            switch member(name) {
            case .none, .null: return nil
            case .string(let value): return value
            default: throw .invalidToken(.malformed("claims: \(name) is not a string"))
            }
        }
        func number(_ name: String) throws(PSCError) -> Double? {
            switch member(name) {
            case .none, .null: return nil
            case .number(let value): return value
            default: throw .invalidToken(.malformed("claims: \(name) is not a number"))
            }
        }
        guard let iss = try string("iss") else { throw .invalidToken(.missingClaim("iss")) }
        guard let sub = try string("sub") else { throw .invalidToken(.missingClaim("sub")) }
        guard let exp = try number("exp") else { throw .invalidToken(.missingClaim("exp")) }
        guard let iat = try number("iat") else { throw .invalidToken(.missingClaim("iat")) }
        switch member("aud") {
        case .none, .null: throw .invalidToken(.missingClaim("aud"))
        case .string(let single): aud = [single]
        case .strings(let many): aud = many
        default: throw .invalidToken(.malformed("claims: aud is neither a string nor an array of strings"))
        }
        self.iss = iss
        self.sub = sub
        self.exp = exp
        self.iat = iat
        nbf = try number("nbf")
        authTime = try number("auth_time")
        nonce = try string("nonce")
        acr = try string("acr")
        azp = try string("azp")
        sid = try string("sid")
        if case .string(let value) = member("SubjectNameID") { subjectNameID = value } else { subjectNameID = nil }
    }
}
