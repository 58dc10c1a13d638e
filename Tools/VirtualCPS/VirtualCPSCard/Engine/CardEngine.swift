import Crypto
import _CryptoExtras

/// The CPS3 card itself: an APDU state machine over the file tree, the PIN counter and the authentication key.
///
/// It behaves like a T=0 card: commands that return data in case 4 (SELECT with FCP, GET DATA, INTERNAL AUTHENTICATE)
/// answer `61xx` and wait for GET RESPONSE; a READ BINARY or GET RESPONSE whose Le does not match what is available
/// answers `6Cxx`. Not thread-safe by itself: wrap it (the vpcd server and the in-process channel do).
public struct CardEngine: Sendable {
    public let content: VirtualCardContent
    let masterFile: CardFile
    /// Raw RSA (no padding) is only exposed by the blind-signing API; the hash parameter is irrelevant here.
    let signingKey: _RSA.BlindSigning.PrivateKey<SHA384>
    var state = CardState()
    /// Number of command APDUs processed since the last power-on (diagnostics).
    public private(set) var commandCount = 0

    public struct KeyError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(content: VirtualCardContent) throws {
        self.content = content
        self.masterFile = CPS3Layout.masterFile(for: content)
        do {
            self.signingKey = try _RSA.BlindSigning.PrivateKey<SHA384>(pemRepresentation: content.privateKeyPEM)
        } catch {
            throw KeyError(description: "card \(content.id): unreadable RSA private key (\(error))")
        }
        resetVolatileState()
    }

    public var atr: [UInt8] { CPS3Constants.atr }

    public var pinTriesLeft: Int { state.persistent.pinTriesLeft }

    public var isPINVerified: Bool { state.volatile.pinVerified }

    /// Puts back a saved try counter, as the card's EEPROM would keep it: the in-process transport saves it between
    /// runs of the command line so a wrong PIN costs a try there too. Clamped to 0…maximum.
    public mutating func restore(pinTriesLeft: Int) {
        state.persistent.pinTriesLeft = min(max(pinTriesLeft, 0), CPS3Constants.maximumPINTries)
    }

    /// Warm or cold reset: the security state goes, the try counter stays.
    public mutating func reset() {
        resetVolatileState()
        commandCount = 0
    }

    private mutating func resetVolatileState() {
        state.volatile = CardState.Volatile()
        state.volatile.currentDF = [masterFile]
    }

    /// Processes one raw command APDU and returns the raw response (data + SW).
    public mutating func process(_ apdu: [UInt8]) -> [UInt8] {
        commandCount += 1
        guard let command = Command(apdu) else {
            state.volatile.pendingResponse = []
            return Self.status(0x6700)
        }
        if command.ins != 0xC0 {
            state.volatile.pendingResponse = []
        }
        guard command.cla == 0x00 else {
            return Self.status(0x6E00)
        }
        switch command.ins {
        case 0xA4: return select(command)
        case 0xB0: return readBinary(command)
        case 0xC0: return getResponse(command)
        case 0xCB: return getData(command)
        case 0x20: return verify(command)
        case 0x22: return manageSecurityEnvironment(command)
        case 0x88: return internalAuthenticate(command)
        default: return Self.status(0x6D00)
        }
    }

    // MARK: - Response helpers

    static func status(_ sw: UInt16) -> [UInt8] {
        [UInt8(sw >> 8), UInt8(sw & 0xFF)]
    }

    /// T=0 style: keep the data for GET RESPONSE and announce its length.
    mutating func respondLater(_ data: [UInt8]) -> [UInt8] {
        state.volatile.pendingResponse = data
        return [0x61, UInt8(truncatingIfNeeded: min(data.count, 256))]
    }

    mutating func getResponse(_ command: Command) -> [UInt8] {
        let pending = state.volatile.pendingResponse
        guard !pending.isEmpty else {
            return Self.status(0x6985)
        }
        guard command.p1 == 0, command.p2 == 0, command.data.isEmpty else {
            state.volatile.pendingResponse = []
            return Self.status(0x6A86)
        }
        let wanted = command.le ?? 256
        let available = min(pending.count, 256)
        if wanted > pending.count {
            return [0x6C, UInt8(truncatingIfNeeded: available)]
        }
        let chunk = Array(pending.prefix(wanted))
        let rest = Array(pending.dropFirst(wanted))
        state.volatile.pendingResponse = rest
        if rest.isEmpty {
            return chunk + Self.status(0x9000)
        }
        return chunk + [0x61, UInt8(truncatingIfNeeded: min(rest.count, 256))]
    }
}

/// A parsed short command APDU as the card sees it (T=0 header + P3, tolerant of a trailing Le on case 4).
struct Command {
    let cla: UInt8
    let ins: UInt8
    let p1: UInt8
    let p2: UInt8
    let data: [UInt8]
    let le: Int?

    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 4 else {
            return nil
        }
        cla = bytes[0]
        ins = bytes[1]
        p1 = bytes[2]
        p2 = bytes[3]
        let body = Array(bytes.dropFirst(4))
        if body.isEmpty {
            data = []
            le = nil
        } else if body.count == 1 {
            data = []
            le = body[0] == 0 ? 256 : Int(body[0])
        } else {
            let lc = Int(body[0])
            guard lc > 0, body.count == lc + 1 || body.count == lc + 2 else {
                return nil
            }
            data = Array(body[1...lc])
            le = body.count == lc + 2 ? (body[lc + 1] == 0 ? 256 : Int(body[lc + 1])) : nil
        }
    }
}
