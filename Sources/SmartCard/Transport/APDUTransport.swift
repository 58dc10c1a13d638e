/// Sends command APDUs over a `CardChannel` and hides the T=0 transport-level dance.
///
/// Rules (ISO 7816-3/-4, T=0): a case-4 command goes out without Le; `61xx` means "xx more bytes waiting" and is
/// followed by GET RESPONSE until the last chunk; `6Cxx` means "wrong Le, use xx" and the command is sent again with
/// that Le; the GSM/CPS2ter class `A0` signals waiting data with `9Fxx`. A reply shorter than the status word is an
/// error, never a crash. Chains are bounded so a garbled card cannot make us loop forever.
public struct APDUTransport: Sendable {
    public let channel: any CardChannel

    /// Upper bound on `61xx` chunks for one command (64 × 256 bytes is far beyond any CPS object).
    static let maximumChainedResponses = 64

    public init(channel: any CardChannel) {
        self.channel = channel
    }

    public var atr: [UInt8] { channel.atr }

    /// Sends `command`, following `61xx` / `6Cxx` / `9Fxx`, and returns the assembled response.
    public func send(_ command: CommandAPDU) async throws(SmartCardError) -> ResponseAPDU {
        let t0 = channel.transmissionProtocol == .t0
        var current = command
        var response = try await exchange(current, t0: t0)
        if response.status.sw1 == 0x6C {
            current.le = Self.length(response.status.sw2)
            response = try await exchange(current, t0: t0)
        }
        var collected = response.data
        var chunks = 0
        while let waiting = Self.pendingLength(response.status, cla: command.cla) {
            chunks += 1
            guard chunks <= Self.maximumChainedResponses else {
                throw .malformedResponse("more than \(Self.maximumChainedResponses) chained responses")
            }
            let getResponse = CommandAPDU(
                cla: command.cla == 0xA0 ? 0xA0 : command.cla & 0x03, ins: 0xC0, p1: 0, p2: 0, le: waiting)
            response = try await exchange(getResponse, t0: t0)
            if response.status.sw1 == 0x6C {
                response = try await exchange(
                    CommandAPDU(cla: getResponse.cla, ins: 0xC0, p1: 0, p2: 0, le: Self.length(response.status.sw2)),
                    t0: t0)
            }
            collected.append(contentsOf: response.data)
        }
        return ResponseAPDU(data: collected, status: response.status)
    }

    /// Sends a command carrying a secret (VERIFY): the encoded buffer is zeroed once the card has answered.
    ///
    /// The PIN bytes still pass through pcsc-lite's own buffers (out of our reach); never run pcscd with `--apdu` in
    /// production, it logs them.
    public func sendSecret(_ command: inout CommandAPDU) async throws(SmartCardError) -> ResponseAPDU {
        var bytes = try command.encoded(t0: channel.transmissionProtocol == .t0)
        defer {
            for index in bytes.indices {
                bytes[index] = 0
            }
            command.wipe()
        }
        let reply = try await channel.transmit(bytes)
        return try ResponseAPDU(bytes: reply)
    }

    /// Runs `body` inside a PC/SC transaction so no other application interleaves APDUs (the card's selected file and
    /// security environment are shared state). The transaction is ended even when `body` throws.
    public func withTransaction<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> T
    ) async throws -> T {
        try await channel.beginTransaction()
        let result: T
        do {
            result = try await body()
        } catch {
            try? await channel.endTransaction(.leave)
            throw error
        }
        try await channel.endTransaction(.leave)
        return result
    }

    private func exchange(_ command: CommandAPDU, t0: Bool) async throws(SmartCardError) -> ResponseAPDU {
        let reply = try await channel.transmit(try command.encoded(t0: t0))
        return try ResponseAPDU(bytes: reply)
    }

    private static func pendingLength(_ status: StatusWord, cla: UInt8) -> Int? {
        if status.sw1 == 0x61 || (cla == 0xA0 && status.sw1 == 0x9F) {
            return length(status.sw2)
        }
        return nil
    }

    private static func length(_ byte: UInt8) -> Int {
        byte == 0 ? 256 : Int(byte)
    }
}
