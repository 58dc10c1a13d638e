import Crypto
import Foundation
import _CryptoExtras

/// A JWKS as published at `jwks_uri`, reduced to the signature keys we can use.
struct JSONWebKeySet: Sendable {
    struct Entry: Sendable {
        var kid: String?
        var alg: String?
        var key: VerificationKey
    }

    var entries: [Entry]

    private struct RawKey: Decodable {
        var kty: String
        var kid: String?
        var use: String?
        var alg: String?
        var n: String?
        var e: String?
        var crv: String?
        var x: String?
        var y: String?
    }

    private struct RawSet: Decodable {
        var keys: [RawKey]
    }

    /// Keys we cannot use (encryption keys, other curves) are skipped, not fatal: PSC publishes several.
    init(json: Data) throws(PSCError) {
        let raw: RawSet
        do {
            raw = try JSONDecoder().decode(RawSet.self, from: json)
        } catch {
            throw .malformedResponse(endpoint: "jwks", detail: "\(error)")
        }
        entries = raw.keys.compactMap { Self.parse($0) }
    }

    private static func parse(_ raw: RawKey) -> Entry? {
        if let use = raw.use, use != "sig" { return nil }
        switch raw.kty {
        case "RSA":
            guard let n = raw.n.flatMap(Base64URL.decode), let e = raw.e.flatMap(Base64URL.decode),
                let key = try? _RSA.Signing.PublicKey(n: n, e: e), key.keySizeInBits >= 2048
            else { return nil }
            return Entry(kid: raw.kid, alg: raw.alg, key: .rsa(key))
        case "EC":
            guard raw.crv == "P-256", let x = raw.x.flatMap(Base64URL.decode),
                let y = raw.y.flatMap(Base64URL.decode), x.count == 32, y.count == 32,
                let key = try? P256.Signing.PublicKey(rawRepresentation: x + y)
            else { return nil }
            return Entry(kid: raw.kid, alg: raw.alg, key: .p256(P256PublicKey(key: key)))
        default:
            return nil
        }
    }

    /// With a `kid`, the key must carry it; without, the only key that fits the algorithm. A plain loop: it runs
    /// on every validation and a JWKS holds a handful of keys.
    func key(kid: String?, alg: String) -> VerificationKey? {
        var found: VerificationKey?
        for entry in entries where entry.key.accepts(alg) && (entry.alg == nil || entry.alg == alg) {
            if let kid {
                if entry.kid == kid { return entry.key }
            } else {
                if found != nil { return nil }
                found = entry.key
            }
        }
        return found
    }
}
