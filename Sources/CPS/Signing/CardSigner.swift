/// Something that signs with a private key it never reveals: the CPS today, a software key in tests.
///
/// Used by XML-DSig (INSi assertion) and, later, TLS 1.2 client authentication (`rsa_pkcs1_sha256` only: the CPS3
/// has no RSA-PSS, so TLS 1.3 client auth with the card is impossible).
public protocol CardSigner: Sendable {
    /// PKCS#1 v1.5 signature of a DER DigestInfo.
    func sign(digestInfo: [UInt8]) async throws(CPSError) -> [UInt8]
    /// PKCS#1 v1.5 signature of a SHA-256 digest (32 bytes).
    func sign(sha256Digest: [UInt8]) async throws(CPSError) -> [UInt8]
}

/// The authentication key of a CPS (reference 0x82) through INTERNAL AUTHENTICATE; needs a verified PIN.
///
/// TODO(TLS): wrap it in an `NIOSSLCustomPrivateKey` (signatureAlgorithms = [.rsaPkcs1Sha256]) once the broker's
/// TLS client needs card authentication; `sign` is async, which `NIOSSLCustomPrivateKey` supports through its
/// EventLoopFuture-returning `sign`.
public struct CPSCardSigner: CardSigner {
    let card: CPSCard

    public func sign(digestInfo: [UInt8]) async throws(CPSError) -> [UInt8] {
        try await card.sign(digestInfo: digestInfo)
    }

    public func sign(sha256Digest: [UInt8]) async throws(CPSError) -> [UInt8] {
        try await card.sign(sha256Digest: sha256Digest)
    }
}
