/// A complete response: the data gathered over any `61xx` chain, and the final status word.
public struct ResponseAPDU: Sendable, Hashable {
    public var data: [UInt8]
    public var status: StatusWord

    public init(data: [UInt8], status: StatusWord) {
        self.data = data
        self.status = status
    }

    /// Splits a raw reply; fewer than two bytes is not a response (it happens when an emulator or reader dies).
    public init(bytes: [UInt8]) throws(SmartCardError) {
        guard bytes.count >= 2 else {
            throw .malformedResponse("reply of \(bytes.count) byte(s), a response needs at least the status word")
        }
        data = Array(bytes.dropLast(2))
        status = StatusWord(sw1: bytes[bytes.count - 2], sw2: bytes[bytes.count - 1])
    }

    public var bytes: [UInt8] { data + [status.sw1, status.sw2] }
}
