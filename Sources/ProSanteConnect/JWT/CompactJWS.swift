import Crypto
import Foundation

/// A JWS in compact serialisation, split and decoded but not yet trusted.
struct CompactJWS: Sendable {
    struct Header: Sendable {
        var alg: String
        var kid: String?
        var typ: String?

        private static let names = ["alg", "kid", "typ", "crit"].map { Array($0.utf8) }

        init(json: [UInt8]) throws(PSCError) {
            let scanned = json.withUnsafeBufferPointer { bytes in
                Result { () throws(JSONObjectScanner.Failure) in
                    try JSONObjectScanner.members(of: bytes, named: Self.names)
                }
            }
            // Positions as in `names`: alg, kid, typ, crit.
            guard case .success(let members) = scanned, case .string(let alg) = members[0] else {
                throw .invalidToken(.malformed("header is not JSON with alg"))
            }
            // RFC 7515 §4.1.11: we understand no critical extension, so any `crit` means refuse.
            if members[3] != nil { throw .invalidToken(.malformed("unsupported crit header")) }
            func optional(_ value: JSONObjectScanner.Value?, _ name: String) throws(PSCError) -> String? {
                switch value {
                case .none, .null: return nil
                case .string(let text): return text
                default: throw .invalidToken(.malformed("header \(name) is not a string"))
                }
            }
            self.alg = alg
            self.kid = try optional(members[1], "kid")
            self.typ = try optional(members[2], "typ")
        }
    }

    let header: Header
    let payload: Data
    let signature: [UInt8]
    let signingInput: Substring

    /// Splits on the UTF-8 bytes in one pass: `split` on `Character`s and `String.Index` arithmetic cost more
    /// than the claim checks (Tools/bench/psc).
    init(_ token: String) throws(PSCError) {
        var token = token
        let parts = token.withUTF8 { bytes in Self.split(bytes) }
        let segments: Segments
        switch parts {
        case .success(let value): segments = value
        case .failure(let error): throw error
        }
        header = try Header(json: segments.header)
        payload = segments.payload
        signature = segments.signature
        // The signing input is the token up to the second dot: ASCII, so UTF-8 offsets are character offsets.
        let end = token.utf8.index(token.utf8.startIndex, offsetBy: segments.signingInputLength)
        signingInput = token[token.startIndex..<end]
    }

    /// The SHA-256 of the signing input, the digest of every algorithm we accept (RS256, PS256, ES256).
    func signingInputDigest() -> SHA256Digest {
        var input = signingInput
        return input.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
    }

    private struct Segments {
        var header: [UInt8]
        var payload: Data
        var signature: [UInt8]
        var signingInputLength: Int
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Segments, PSCError> {
        var dots = 0
        var first = 0
        var second = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: ".") {
            dots += 1
            if dots == 1 { first = index } else if dots == 2 { second = index }
        }
        // Five parts would be a JWE: PSC does not encrypt ID tokens, and we do not accept it.
        guard dots == 2 else { return .failure(.invalidToken(.malformed("expected 3 segments, got \(dots + 1)"))) }
        guard let header = Base64URL.decode(UnsafeBufferPointer(rebasing: bytes[0..<first])),
            let payload = Base64URL.decode(UnsafeBufferPointer(rebasing: bytes[(first + 1)..<second])),
            let signature = Base64URL.decode(UnsafeBufferPointer(rebasing: bytes[(second + 1)...]))
        else { return .failure(.invalidToken(.malformed("segment is not base64url"))) }
        return .success(
            Segments(header: header, payload: Data(payload), signature: signature, signingInputLength: second))
    }
}
