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
    /// Where the PKCS#15 directories are, to read the PIN and key attributes later without the ODF again.
    let objectDirectory: PKCS15ObjectDirectory
    /// PKCS#15 id of the authentication certificate (its private key has the same id).
    let certificateID: [UInt8]
    /// PIN block format and key reference, once the PIN has been used on this card.
    let security: CardSecurityAttributes?

    func with(security: CardSecurityAttributes) -> CardIdentity {
        CardIdentity(
            serial: serial, holder: holder, certificate: certificate, certificateDER: certificateDER, actua: actua,
            objectDirectory: objectDirectory, certificateID: certificateID, security: security)
    }
}

/// The PKCS#15 facts VERIFY and INTERNAL AUTHENTICATE need: the PIN block format and the key reference.
struct CardSecurityAttributes: Sendable, Hashable {
    let keyReference: UInt8
    let pin: PKCS15PIN?
}
