import Crypto
import Foundation
import _CryptoExtras

/// The TEST token-signing keys of `Certs/psc/`. RSA keys rotate (generation n signs with key n mod 2 and
/// the JWKS publishes the previous one too); the EC key is always published.
struct SigningKeys: Sendable {
    struct RSAKey: Sendable {
        var kid: String
        var key: _RSA.Signing.PrivateKey
        var jwk: [String: String]
    }

    var rsa: [RSAKey]
    var ecKid: String
    var ec: P256PrivateKey
    var ecJWK: [String: String]

    static func load(certsDirectory: URL) throws -> SigningKeys {
        let psc = certsDirectory.appendingPathComponent("psc")
        func jwk(_ name: String) throws -> [String: String] {
            let data = try Data(contentsOf: psc.appendingPathComponent("\(name).jwk.json"))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: String] else {
                throw SimulatorError("\(name).jwk.json is not a flat JSON object")
            }
            return object
        }
        func pem(_ name: String) throws -> String {
            try String(contentsOf: psc.appendingPathComponent("\(name).key.pem"), encoding: .utf8)
        }
        var rsa: [RSAKey] = []
        for name in ["psc-rs256-1", "psc-rs256-2"] {
            let publicJWK = try jwk(name)
            guard let kid = publicJWK["kid"] else { throw SimulatorError("\(name) has no kid") }
            rsa.append(RSAKey(kid: kid, key: try _RSA.Signing.PrivateKey(pemRepresentation: pem(name)), jwk: publicJWK))
        }
        let ecJWK = try jwk("psc-es256-1")
        guard let ecKid = ecJWK["kid"] else { throw SimulatorError("psc-es256-1 has no kid") }
        return SigningKeys(
            rsa: rsa, ecKid: ecKid,
            ec: P256PrivateKey(key: try P256.Signing.PrivateKey(pemRepresentation: pem("psc-es256-1"))),
            ecJWK: ecJWK)
    }

    func currentRSA(generation: Int) -> RSAKey { rsa[generation % rsa.count] }

    func jwks(generation: Int) -> [String: Any] {
        var keys: [[String: String]] = [currentRSA(generation: generation).jwk]
        if generation > 0 { keys.append(currentRSA(generation: generation - 1).jwk) }
        keys.append(ecJWK)
        return ["keys": keys]
    }
}

/// swift-crypto 3.x does not mark P-256 keys `Sendable`; the key is immutable once loaded.
struct P256PrivateKey: @unchecked Sendable {
    let key: P256.Signing.PrivateKey
}
