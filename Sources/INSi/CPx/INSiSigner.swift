/// Signs the assertion PS in CPx mode. In production a CPS card does it (the `CPS` module's `CardSigner`: the
/// adapter hashes with SHA-256, wraps with `SHA256DigestInfo.encode`, and sends INTERNAL AUTHENTICATE with key
/// 0x82); in tests and the demo a software key from `Certs/cards/` does.
public protocol INSiSigner: Sendable {
    /// DER of the certificate matching the key (it goes in KeyInfo; its subject DN is the assertion's Issuer).
    var certificateDER: [UInt8] { get }
    /// RSA PKCS#1 v1.5 signature, SHA-256, of `message` (the canonical SignedInfo bytes).
    func signSHA256(_ message: [UInt8]) async throws -> [UInt8]
}

/// The DER DigestInfo a card expects for a SHA-256 PKCS#1 v1.5 signature (51 bytes).
public enum SHA256DigestInfo {
    static let prefix: [UInt8] = [
        0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
        0x20,
    ]

    public static func encode(digest: [UInt8]) -> [UInt8] { prefix + digest }
}
