import SmartCard

/// The CPS3 command APDUs (spec §2–3), built in one place.
enum CPS3Commands {
    static func selectApplication(_ aid: [UInt8] = CPSConstants.cps3ApplicationID) -> CommandAPDU {
        CommandAPDU(ins: 0xA4, p1: 0x04, p2: 0x0C, data: aid)
    }

    /// Select by path from the MF; the path keeps its leading 3F00 as the CPS3 expects.
    static func selectPath(_ path: [UInt8]) -> CommandAPDU {
        CommandAPDU(ins: 0xA4, p1: 0x09, p2: 0x0C, data: path)
    }

    static func selectFileID(_ fileID: [UInt8]) -> CommandAPDU {
        CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: fileID)
    }

    static let selectMasterFile = CommandAPDU(ins: 0xA4, p1: 0x00, p2: 0x0C, data: CPSConstants.masterFile)

    static func readBinary(offset: Int, length: Int) -> CommandAPDU {
        CommandAPDU(ins: 0xB0, p1: UInt8(offset >> 8 & 0x7F), p2: UInt8(offset & 0xFF), le: length)
    }

    static func readBinary(shortFileID: UInt8, length: Int) -> CommandAPDU {
        CommandAPDU(ins: 0xB0, p1: 0x80 | shortFileID, p2: 0x00, le: length)
    }

    /// GET DATA of the PIN object's counters (`9A` max, `9B` left).
    static func pinCounters(reference: UInt8) -> CommandAPDU {
        CommandAPDU(
            ins: 0xCB, p1: 0x3F, p2: 0xFF,
            data: [0x4D, 0x08, 0x70, 0x06, 0xBF, 0x81, reference, 0x02, 0xA0, 0x80], le: 256)
    }

    static func verify(reference: UInt8, block: [UInt8]) -> CommandAPDU {
        CommandAPDU(ins: 0x20, p1: 0x00, p2: reference, data: block)
    }

    /// MSE SET for authentication with the given key (algorithm 02: RSA PKCS#1 v1.5 with caller-supplied DigestInfo).
    static func setAuthenticationKey(_ reference: UInt8) -> CommandAPDU {
        CommandAPDU(ins: 0x22, p1: 0x41, p2: 0xA4, data: [0x80, 0x01, 0x02, 0x84, 0x01, reference])
    }

    static func internalAuthenticate(_ digestInfo: [UInt8]) -> CommandAPDU {
        CommandAPDU(ins: 0x88, p1: 0x00, p2: 0x00, data: digestInfo, le: 256)
    }
}
