/// The vpcd wire format: every message is a 2-byte big-endian length and a payload. One-byte payloads from vpcd are
/// control commands (power off/on, reset, ATR request); longer ones are command APDUs.
enum VPCDFrame {
    static let powerOff: UInt8 = 0x00
    static let powerOn: UInt8 = 0x01
    static let reset: UInt8 = 0x02
    static let requestATR: UInt8 = 0x04

    static func encode(_ payload: [UInt8]) -> [UInt8] {
        [UInt8(payload.count >> 8 & 0xFF), UInt8(payload.count & 0xFF)] + payload
    }

    /// Reads one frame; nil when the connection closed.
    static func read(_ fd: Int32) -> [UInt8]? {
        Socket.acknowledgeImmediately(fd)
        guard let header = Socket.readExactly(fd, count: 2) else {
            return nil
        }
        Socket.acknowledgeImmediately(fd)
        let length = Int(header[0]) << 8 | Int(header[1])
        if length == 0 {
            return []
        }
        return Socket.readExactly(fd, count: length)
    }
}
