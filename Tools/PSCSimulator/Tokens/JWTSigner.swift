import Crypto
import Foundation
import _CryptoExtras

/// Produces compact JWS the way PSC's Keycloak does (RS256 by default, ES256 on demand), plus deliberately
/// broken variants for negative tests.
struct JWTSigner: Sendable {
    let keys: SigningKeys

    enum Tamper: Sendable {
        case none, badSignature, unknownKid, noneAlgorithm
    }

    func sign(
        _ claims: [String: Any], algorithm: String, generation: Int, type: String = "JWT",
        tamper: Tamper = .none
    ) throws -> String {
        let kid: String
        switch algorithm {
        case "ES256": kid = keys.ecKid
        default: kid = keys.currentRSA(generation: generation).kid
        }
        var header: [String: Any] = ["alg": algorithm, "typ": type, "kid": kid]
        if tamper == .unknownKid { header["kid"] = "not-a-published-key" }
        if tamper == .noneAlgorithm { header = ["alg": "none", "typ": type] }
        let headerPart = Self.encode(try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        let payloadPart = Self.encode(try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        let input = Data("\(headerPart).\(payloadPart)".utf8)
        if tamper == .noneAlgorithm { return "\(headerPart).\(payloadPart)." }
        var signature: Data
        switch algorithm {
        case "ES256":
            signature = try keys.ec.key.signature(for: SHA256.hash(data: input)).rawRepresentation
        default:
            signature = try keys.currentRSA(generation: generation).key
                .signature(for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5).rawRepresentation
        }
        if tamper == .badSignature, let last = signature.indices.last { signature[last] ^= 0x01 }
        return "\(headerPart).\(payloadPart).\(Self.encode(signature))"
    }

    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
