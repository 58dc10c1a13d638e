/// What a CPS3 contact card presents, as documented in `shared/spec/cps-card.md`. The client (`CPS`) keeps its own
/// copy on purpose: the emulator plays the card, not the client.
public enum CPS3Constants {
    /// CPS3 contact ATR (T=0 only).
    public static let atr: [UInt8] = [
        0x3B, 0xAC, 0x00, 0x40, 0x2A, 0x00, 0x12, 0x25, 0x00, 0x64, 0x80, 0x00, 0x03, 0x10, 0x00, 0x90, 0x00,
    ]
    /// IAS-ECC application of the CPS3 (contact).
    public static let applicationID: [UInt8] = [
        0xE8, 0x28, 0xBD, 0x08, 0x0F, 0x80, 0x25, 0x00, 0x00, 0x01, 0xFF, 0x00, 0x10,
    ]
    /// ANS issuer number carried in EF.SN.ICC.
    public static let issuer: [UInt8] = [0x80, 0x25, 0x00, 0x00, 0x01]

    public static let masterFile: UInt16 = 0x3F00
    public static let efDIR: UInt16 = 0x2F00
    public static let efATR: UInt16 = 0x2F01
    public static let efSerial: UInt16 = 0xD003
    public static let efSerialSFI: UInt8 = 0x1C
    public static let efActua: UInt16 = 0xD010
    public static let odf: UInt16 = 0x5031
    public static let tokenInfo: UInt16 = 0x5032
    public static let prkdf: UInt16 = 0x5034
    public static let cdf: UInt16 = 0x5035
    public static let aodf: UInt16 = 0x5036
    public static let authenticationCertificate: UInt16 = 0xC000

    /// Global PIN reference ("code porteur").
    public static let pinReference: UInt8 = 0x01
    /// Authentication private key reference (CPS_PRIV_AUT).
    public static let authenticationKeyReference: UInt8 = 0x82
    public static let maximumPINTries = 3
    /// The PIN block VERIFY carries: ASCII digits padded to 8 bytes with 0xFF (declared in the AODF).
    public static let pinStoredLength = 8
    public static let pinPadding: UInt8 = 0xFF

    public static let authenticationCertificateLabel = "Certificat d'Authentification CPS"
    public static let authenticationKeyLabel = "Clé d'Authentification CPS"
}
