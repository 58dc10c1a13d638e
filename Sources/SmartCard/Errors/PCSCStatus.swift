/// A PC/SC return code, kept as the unsigned 32-bit value of the Windows/pcsc-lite definition.
///
/// pcsc-lite declares its codes as `((LONG)0x8010…)` macros that Swift does not import reliably (and `LONG` is
/// 64-bit on Linux), so the table lives here, once, with the official names for technical messages.
public struct PCSCStatus: Sendable, Hashable, CustomStringConvertible {
    public let code: UInt32

    public init(code: UInt32) {
        self.code = code
    }

    /// Builds a status from the raw `LONG` a pcsc-lite call returned (sign-extended on 64-bit Linux).
    public init<T: BinaryInteger>(raw: T) {
        self.code = UInt32(truncatingIfNeeded: raw)
    }

    public var isSuccess: Bool { code == 0 }

    /// The official constant name (`SCARD_E_NO_SERVICE`…) or the hexadecimal value when unknown.
    public var name: String {
        Self.names[code] ?? "SCARD_0x" + String(code, radix: 16, uppercase: true)
    }

    public var description: String {
        "\(name) (0x\(String(code, radix: 16, uppercase: true)))"
    }

    public static let success = PCSCStatus(code: 0x0000_0000)
    public static let internalError = PCSCStatus(code: 0x8010_0001)
    public static let cancelled = PCSCStatus(code: 0x8010_0002)
    public static let invalidHandle = PCSCStatus(code: 0x8010_0003)
    public static let invalidParameter = PCSCStatus(code: 0x8010_0004)
    public static let invalidTarget = PCSCStatus(code: 0x8010_0005)
    public static let noMemory = PCSCStatus(code: 0x8010_0006)
    public static let waitedTooLong = PCSCStatus(code: 0x8010_0007)
    public static let insufficientBuffer = PCSCStatus(code: 0x8010_0008)
    public static let unknownReader = PCSCStatus(code: 0x8010_0009)
    public static let timeout = PCSCStatus(code: 0x8010_000A)
    public static let sharingViolation = PCSCStatus(code: 0x8010_000B)
    public static let noSmartcard = PCSCStatus(code: 0x8010_000C)
    public static let unknownCard = PCSCStatus(code: 0x8010_000D)
    public static let cantDispose = PCSCStatus(code: 0x8010_000E)
    public static let protoMismatch = PCSCStatus(code: 0x8010_000F)
    public static let notReady = PCSCStatus(code: 0x8010_0010)
    public static let invalidValue = PCSCStatus(code: 0x8010_0011)
    public static let systemCancelled = PCSCStatus(code: 0x8010_0012)
    public static let commError = PCSCStatus(code: 0x8010_0013)
    public static let unknownError = PCSCStatus(code: 0x8010_0014)
    public static let invalidATR = PCSCStatus(code: 0x8010_0015)
    public static let notTransacted = PCSCStatus(code: 0x8010_0016)
    public static let readerUnavailable = PCSCStatus(code: 0x8010_0017)
    public static let shutdown = PCSCStatus(code: 0x8010_0018)
    public static let pciTooSmall = PCSCStatus(code: 0x8010_0019)
    public static let readerUnsupported = PCSCStatus(code: 0x8010_001A)
    public static let duplicateReader = PCSCStatus(code: 0x8010_001B)
    public static let cardUnsupported = PCSCStatus(code: 0x8010_001C)
    public static let noService = PCSCStatus(code: 0x8010_001D)
    public static let serviceStopped = PCSCStatus(code: 0x8010_001E)
    public static let unexpected = PCSCStatus(code: 0x8010_001F)
    public static let iccInstallation = PCSCStatus(code: 0x8010_0020)
    public static let iccCreateOrder = PCSCStatus(code: 0x8010_0021)
    public static let unsupportedFeature = PCSCStatus(code: 0x8010_0022)
    public static let dirNotFound = PCSCStatus(code: 0x8010_0023)
    public static let fileNotFound = PCSCStatus(code: 0x8010_0024)
    public static let noDir = PCSCStatus(code: 0x8010_0025)
    public static let noFile = PCSCStatus(code: 0x8010_0026)
    public static let noAccess = PCSCStatus(code: 0x8010_0027)
    public static let writeTooMany = PCSCStatus(code: 0x8010_0028)
    public static let badSeek = PCSCStatus(code: 0x8010_0029)
    public static let invalidCHV = PCSCStatus(code: 0x8010_002A)
    public static let unknownResMng = PCSCStatus(code: 0x8010_002B)
    public static let noSuchCertificate = PCSCStatus(code: 0x8010_002C)
    public static let certificateUnavailable = PCSCStatus(code: 0x8010_002D)
    public static let noReadersAvailable = PCSCStatus(code: 0x8010_002E)
    public static let commDataLost = PCSCStatus(code: 0x8010_002F)
    public static let noKeyContainer = PCSCStatus(code: 0x8010_0030)
    public static let serverTooBusy = PCSCStatus(code: 0x8010_0031)
    public static let unsupportedCard = PCSCStatus(code: 0x8010_0065)
    public static let unresponsiveCard = PCSCStatus(code: 0x8010_0066)
    public static let unpoweredCard = PCSCStatus(code: 0x8010_0067)
    public static let resetCard = PCSCStatus(code: 0x8010_0068)
    public static let removedCard = PCSCStatus(code: 0x8010_0069)
    public static let securityViolation = PCSCStatus(code: 0x8010_006A)
    public static let wrongCHV = PCSCStatus(code: 0x8010_006B)
    public static let chvBlocked = PCSCStatus(code: 0x8010_006C)
    public static let eof = PCSCStatus(code: 0x8010_006D)
    public static let cancelledByUser = PCSCStatus(code: 0x8010_006E)
    public static let cardNotAuthenticated = PCSCStatus(code: 0x8010_006F)

    private static let names: [UInt32: String] = [
        0x0000_0000: "SCARD_S_SUCCESS",
        0x8010_0001: "SCARD_F_INTERNAL_ERROR",
        0x8010_0002: "SCARD_E_CANCELLED",
        0x8010_0003: "SCARD_E_INVALID_HANDLE",
        0x8010_0004: "SCARD_E_INVALID_PARAMETER",
        0x8010_0005: "SCARD_E_INVALID_TARGET",
        0x8010_0006: "SCARD_E_NO_MEMORY",
        0x8010_0007: "SCARD_F_WAITED_TOO_LONG",
        0x8010_0008: "SCARD_E_INSUFFICIENT_BUFFER",
        0x8010_0009: "SCARD_E_UNKNOWN_READER",
        0x8010_000A: "SCARD_E_TIMEOUT",
        0x8010_000B: "SCARD_E_SHARING_VIOLATION",
        0x8010_000C: "SCARD_E_NO_SMARTCARD",
        0x8010_000D: "SCARD_E_UNKNOWN_CARD",
        0x8010_000E: "SCARD_E_CANT_DISPOSE",
        0x8010_000F: "SCARD_E_PROTO_MISMATCH",
        0x8010_0010: "SCARD_E_NOT_READY",
        0x8010_0011: "SCARD_E_INVALID_VALUE",
        0x8010_0012: "SCARD_E_SYSTEM_CANCELLED",
        0x8010_0013: "SCARD_F_COMM_ERROR",
        0x8010_0014: "SCARD_F_UNKNOWN_ERROR",
        0x8010_0015: "SCARD_E_INVALID_ATR",
        0x8010_0016: "SCARD_E_NOT_TRANSACTED",
        0x8010_0017: "SCARD_E_READER_UNAVAILABLE",
        0x8010_0018: "SCARD_P_SHUTDOWN",
        0x8010_0019: "SCARD_E_PCI_TOO_SMALL",
        0x8010_001A: "SCARD_E_READER_UNSUPPORTED",
        0x8010_001B: "SCARD_E_DUPLICATE_READER",
        0x8010_001C: "SCARD_E_CARD_UNSUPPORTED",
        0x8010_001D: "SCARD_E_NO_SERVICE",
        0x8010_001E: "SCARD_E_SERVICE_STOPPED",
        0x8010_001F: "SCARD_E_UNEXPECTED",
        0x8010_0020: "SCARD_E_ICC_INSTALLATION",
        0x8010_0021: "SCARD_E_ICC_CREATEORDER",
        0x8010_0022: "SCARD_E_UNSUPPORTED_FEATURE",
        0x8010_0023: "SCARD_E_DIR_NOT_FOUND",
        0x8010_0024: "SCARD_E_FILE_NOT_FOUND",
        0x8010_0025: "SCARD_E_NO_DIR",
        0x8010_0026: "SCARD_E_NO_FILE",
        0x8010_0027: "SCARD_E_NO_ACCESS",
        0x8010_0028: "SCARD_E_WRITE_TOO_MANY",
        0x8010_0029: "SCARD_E_BAD_SEEK",
        0x8010_002A: "SCARD_E_INVALID_CHV",
        0x8010_002B: "SCARD_E_UNKNOWN_RES_MNG",
        0x8010_002C: "SCARD_E_NO_SUCH_CERTIFICATE",
        0x8010_002D: "SCARD_E_CERTIFICATE_UNAVAILABLE",
        0x8010_002E: "SCARD_E_NO_READERS_AVAILABLE",
        0x8010_002F: "SCARD_E_COMM_DATA_LOST",
        0x8010_0030: "SCARD_E_NO_KEY_CONTAINER",
        0x8010_0031: "SCARD_E_SERVER_TOO_BUSY",
        0x8010_0065: "SCARD_W_UNSUPPORTED_CARD",
        0x8010_0066: "SCARD_W_UNRESPONSIVE_CARD",
        0x8010_0067: "SCARD_W_UNPOWERED_CARD",
        0x8010_0068: "SCARD_W_RESET_CARD",
        0x8010_0069: "SCARD_W_REMOVED_CARD",
        0x8010_006A: "SCARD_W_SECURITY_VIOLATION",
        0x8010_006B: "SCARD_W_WRONG_CHV",
        0x8010_006C: "SCARD_W_CHV_BLOCKED",
        0x8010_006D: "SCARD_W_EOF",
        0x8010_006E: "SCARD_W_CANCELLED_BY_USER",
        0x8010_006F: "SCARD_W_CARD_NOT_AUTHENTICATED",
    ]

    /// Every status pcsc-lite can return, for exhaustive mapping tests.
    public static var allKnown: [PCSCStatus] {
        names.keys.sorted().map(PCSCStatus.init(code:))
    }
}
