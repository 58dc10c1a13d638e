import Crypto
import Foundation
import _CryptoExtras

/// A public key from the JWKS, parsed once so that each token verification only does the math.
enum VerificationKey: Sendable {
    case rsa(_RSA.Signing.PublicKey)
    case p256(P256PublicKey)

    /// Whether `alg` may be verified with this key: RSA keys only for RS*/PS*, P-256 only for ES256, which
    /// also shuts the door on HS256-with-the-public-key confusion.
    func accepts(_ alg: String) -> Bool {
        switch self {
        case .rsa: alg == "RS256" || alg == "PS256"
        case .p256: alg == "ES256"
        }
    }

    /// `digest` is the SHA-256 of the signing input: every algorithm `accepts` admits hashes with SHA-256.
    func verify(signature: [UInt8], digest: SHA256Digest, alg: String) -> Bool {
        switch (self, alg) {
        case (.rsa(let key), "RS256"):
            // RSASSA-PKCS1-v1_5 is what RS256 means (RFC 7518 §3.3); swift-crypto names it "insecure" for new
            // signatures, verification of it is the standard.
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: digest, padding: .insecurePKCS1v1_5)
        case (.rsa(let key), "PS256"):
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: digest, padding: .PSS)
        case (.p256(let wrapped), "ES256"):
            guard signature.count == 64, let sig = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return wrapped.key.isValidSignature(sig, for: digest)
        default:
            return false
        }
    }
}

/// swift-crypto 3.x does not mark P-256 keys `Sendable`, although they are immutable value types holding an
/// immutable BoringSSL key: sharing one across tasks is safe.
struct P256PublicKey: @unchecked Sendable {
    let key: P256.Signing.PublicKey
}
