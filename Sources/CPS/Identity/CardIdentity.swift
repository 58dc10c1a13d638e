import X509

/// What an inserted CPS tells about itself without a PIN: serial, holder, authentication certificate.
public struct CardIdentity: Sendable, Hashable {
    /// Card serial (the digits after the ANS issuer number in EF.SN.ICC).
    public let serial: String
    public let holder: CardHolder
    public let certificate: Certificate
    public let certificateDER: [UInt8]
    /// EF_ACTUA content: when it changes the card was updated and cached data must be read again.
    public let actua: [UInt8]
    /// PKCS#15 facts needed later (PIN block format, key reference).
    let keyReference: UInt8
    let pin: PKCS15PIN?
}
