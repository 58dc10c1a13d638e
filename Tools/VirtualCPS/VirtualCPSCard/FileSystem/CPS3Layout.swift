/// Builds the file tree of a CPS3 (contact) for one card content: MF with EF.DIR, EF.ATR, EF.SN.ICC, EF_ACTUA, and the
/// IAS-ECC application holding the PKCS#15 structure (ODF → PrKDF/CDF/AODF) and the authentication certificate.
public enum CPS3Layout {
    public static func masterFile(for content: VirtualCardContent) -> CardFile {
        let application = CardFile.dedicated(
            nil, aid: CPS3Constants.applicationID,
            children: [
                .elementary(CPS3Constants.odf, content: objectDirectory),
                .elementary(CPS3Constants.tokenInfo, content: tokenInfo(serial: content.serial)),
                .elementary(CPS3Constants.prkdf, content: privateKeyDirectory(modulusBits: 2048)),
                .elementary(CPS3Constants.cdf, content: certificateDirectory),
                .elementary(CPS3Constants.aodf, content: authenticationObjectDirectory),
                .elementary(CPS3Constants.authenticationCertificate, content: content.certificateDER),
            ])
        return .dedicated(
            CPS3Constants.masterFile,
            children: [
                .elementary(CPS3Constants.efDIR, content: directory),
                .elementary(CPS3Constants.efATR, content: answerToResetFile),
                .elementary(CPS3Constants.efSerial, sfi: CPS3Constants.efSerialSFI, content: content.serialFile),
                .elementary(CPS3Constants.efActua, content: content.actua),
                application,
            ])
    }

    /// EF.DIR: one application template (`61`) with the AID and a label.
    static var directory: [UInt8] {
        DER.tlv(0x61, DER.tlv(0x4F, CPS3Constants.applicationID) + DER.tlv(0x50, Array("CPS3 IAS-ECC".utf8)))
    }

    /// EF.ATR (IAS-ECC "initial data"): pre-issuing data and IO buffer sizes, which OpenSC's IAS-ECC driver reads.
    static var answerToResetFile: [UInt8] {
        DER.tlv(0x43, [0x15])
            + DER.tlv(0x46, [0x04, 0xB0, 0xEC, 0xC1])
            + DER.tlv(0x47, [0x94, 0x01, 0x80])
            + DER.tlv(
                0xE0,
                DER.tlv(0x02, [0x00, 0xFF]) + DER.tlv(0x02, [0x00, 0xFF]) + DER.tlv(0x02, [0x01, 0x00])
                    + DER.tlv(0x02, [0x01, 0x00]))
            + DER.tlv(0x82, [0x90, 0x00])
    }

    /// ODF: where the private keys (`A0`), certificates (`A4`) and authentication objects (`A8`) are listed.
    static var objectDirectory: [UInt8] {
        DER.tlv(0xA0, DER.path(fid(CPS3Constants.prkdf)))
            + DER.tlv(0xA4, DER.path(fid(CPS3Constants.cdf)))
            + DER.tlv(0xA8, DER.path(fid(CPS3Constants.aodf)))
    }

    static let keyID: [UInt8] = [0x82]
    static let pinAuthID: [UInt8] = [0x01]

    static func tokenInfo(serial: String) -> [UInt8] {
        DER.sequence(
            DER.integer(0), DER.octets(Array(serial.utf8)), DER.tlv(0x0C, Array("ASIP-SANTE (virtuelle)".utf8)),
            DER.tlv(0x80, Array("CPS3".utf8)), DER.bits([0]))
    }

    /// PrKDF: the authentication key, usable for signing after the PIN, reference 0x82.
    static func privateKeyDirectory(modulusBits: Int) -> [UInt8] {
        DER.sequence(
            DER.sequence(DER.utf8(CPS3Constants.authenticationKeyLabel), DER.bits([0]), DER.octets(pinAuthID)),
            DER.sequence(
                DER.octets(keyID), DER.bits([1, 2, 5]), DER.integer(Int(CPS3Constants.authenticationKeyReference))),
            DER.tlv(0xA1, DER.sequence(DER.path([]), DER.integer(modulusBits))))
    }

    /// CDF: the authentication certificate and where it lives.
    static var certificateDirectory: [UInt8] {
        DER.sequence(
            DER.sequence(DER.utf8(CPS3Constants.authenticationCertificateLabel)),
            DER.sequence(DER.octets(keyID)),
            DER.tlv(0xA1, DER.sequence(DER.path(fid(CPS3Constants.authenticationCertificate)))))
    }

    /// AODF: the global PIN, 4 to 8 ASCII digits stored on 8 bytes padded with 0xFF, reference 0x01.
    static var authenticationObjectDirectory: [UInt8] {
        DER.sequence(
            DER.sequence(DER.utf8("Code porteur"), DER.bits([0])),
            DER.sequence(DER.octets(pinAuthID)),
            DER.tlv(
                0xA1,
                DER.sequence(
                    DER.bits([0, 4, 5]),
                    DER.tlv(0x0A, [0x01]),
                    DER.integer(4),
                    DER.integer(CPS3Constants.pinStoredLength),
                    DER.integer(8),
                    DER.tlv(0x80, [CPS3Constants.pinReference]),
                    DER.tlv(0x04, [CPS3Constants.pinPadding]),
                    DER.path([0x3F, 0x00]))))
    }

    private static func fid(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(value & 0xFF)]
    }
}
