import Foundation

/// A JWS in compact serialisation, split and decoded but not yet trusted.
struct CompactJWS: Sendable {
    struct Header: Decodable, Sendable {
        var alg: String
        var kid: String?
        var typ: String?
        var crit: [String]?
    }

    let header: Header
    let payload: Data
    let signature: Data
    let signingInput: Substring

    init(_ token: String) throws(PSCError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        // Five parts would be a JWE: PSC does not encrypt ID tokens, and we do not accept it.
        guard parts.count == 3 else { throw .invalidToken(.malformed("expected 3 segments, got \(parts.count)")) }
        guard let headerData = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2])
        else { throw .invalidToken(.malformed("segment is not base64url")) }
        do {
            header = try JSONDecoder().decode(Header.self, from: headerData)
        } catch {
            throw .invalidToken(.malformed("header is not JSON with alg"))
        }
        // RFC 7515 §4.1.11: we understand no critical extension, so any `crit` means refuse.
        if header.crit != nil { throw .invalidToken(.malformed("unsupported crit header")) }
        self.payload = payload
        self.signature = signature
        // Substrings share the token's indices: the signing input ends where the payload segment ends.
        self.signingInput = token[token.startIndex..<parts[1].endIndex]
    }
}
