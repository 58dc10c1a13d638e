import X509
import _CryptoExtras

/// Checks a card signature against the certificate read from the same card: the signature must be the PKCS#1 v1.5
/// encoding of exactly the DigestInfo that was sent. Catches a card that signs with a key other than its
/// certificate's, or a garbled answer, before the signature leaves Passerelle.
public enum SignatureCheck {
    /// True when `signature` is a valid RSA PKCS#1 v1.5 signature of `digestInfo` under the certificate's key.
    public static func isValid(signature: [UInt8], digestInfo: [UInt8], certificate: Certificate) -> Bool {
        guard
            let key = try? _RSA.Signing.PublicKey(derRepresentation: certificate.publicKey.subjectPublicKeyInfoBytes),
            let primitives = try? key.getKeyPrimitives(),
            let operation = RSAPublicOperation(
                modulus: Array(primitives.modulus), exponent: Array(primitives.publicExponent)),
            signature.count == operation.byteCount, let encoded = operation.apply(signature)
        else {
            return false
        }
        return encoded == encoding(of: digestInfo, length: operation.byteCount)
    }

    /// SHA-256 convenience: the card signed `DigestInfo(SHA-256) + digest`.
    public static func isValid(signature: [UInt8], sha256Digest: [UInt8], certificate: Certificate) -> Bool {
        sha256Digest.count == 32
            && isValid(
                signature: signature, digestInfo: DigestInfo.sha256Prefix + sha256Digest, certificate: certificate)
    }

    /// EMSA-PKCS1-v1_5: `00 01 FF…FF 00 ‖ DigestInfo` (at least 8 bytes of FF).
    static func encoding(of digestInfo: [UInt8], length: Int) -> [UInt8]? {
        let padding = length - digestInfo.count - 3
        guard padding >= 8 else {
            return nil
        }
        return [0x00, 0x01] + [UInt8](repeating: 0xFF, count: padding) + [0x00] + digestInfo
    }
}
