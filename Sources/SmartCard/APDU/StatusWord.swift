/// The two trailing status bytes of a response APDU.
public struct StatusWord: Sendable, Hashable, CustomStringConvertible {
    public let sw1: UInt8
    public let sw2: UInt8

    public init(sw1: UInt8, sw2: UInt8) {
        self.sw1 = sw1
        self.sw2 = sw2
    }

    public init(_ value: UInt16) {
        self.init(sw1: UInt8(value >> 8), sw2: UInt8(value & 0xFF))
    }

    public var value: UInt16 { UInt16(sw1) << 8 | UInt16(sw2) }

    public var isSuccess: Bool { sw1 == 0x90 && sw2 == 0x00 }

    public var description: String { sw1.hexByte + sw2.hexByte }

    public static let success = StatusWord(0x9000)
    public static let securityStatusNotSatisfied = StatusWord(0x6982)
    public static let authenticationMethodBlocked = StatusWord(0x6983)
    public static let referenceDataNotUsable = StatusWord(0x6984)
    public static let conditionsNotSatisfied = StatusWord(0x6985)
    public static let fileNotFound = StatusWord(0x6A82)
    public static let referenceNotFound = StatusWord(0x6A88)
    public static let wrongParameters = StatusWord(0x6B00)
    public static let wrongLength = StatusWord(0x6700)
    public static let insNotSupported = StatusWord(0x6D00)
    public static let claNotSupported = StatusWord(0x6E00)
    public static let incorrectData = StatusWord(0x6A80)
    public static let functionNotSupported = StatusWord(0x6A81)
    public static let incorrectP1P2 = StatusWord(0x6A86)
    public static let commandNotAllowed = StatusWord(0x6986)
    public static let unknown = StatusWord(0x6F00)

    /// `63 Cx`: verification failed, `x` tries left.
    public var remainingTries: Int? {
        sw1 == 0x63 && sw2 & 0xF0 == 0xC0 ? Int(sw2 & 0x0F) : nil
    }
}
