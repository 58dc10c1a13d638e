/// An ISO 7816-4 command APDU with short length fields (the only form T=0 carries).
///
/// `description` never prints the data field: a VERIFY carries the PIN.
public struct CommandAPDU: Sendable, Hashable, CustomStringConvertible {
    public var cla: UInt8
    public var ins: UInt8
    public var p1: UInt8
    public var p2: UInt8
    public var data: [UInt8]
    /// Expected response length: `nil` = none (case 1/3), 1…256 (256 is encoded `00`).
    public var le: Int?

    public init(cla: UInt8 = 0x00, ins: UInt8, p1: UInt8, p2: UInt8, data: [UInt8] = [], le: Int? = nil) {
        self.cla = cla
        self.ins = ins
        self.p1 = p1
        self.p2 = p2
        self.data = data
        self.le = le
    }

    /// Parses a raw short APDU (cases 1 to 4).
    public init(bytes: [UInt8]) throws(SmartCardError) {
        guard bytes.count >= 4 else {
            throw .invalidCommand("APDU shorter than 4 bytes (\(bytes.count))")
        }
        self.init(cla: bytes[0], ins: bytes[1], p1: bytes[2], p2: bytes[3])
        let body = bytes.dropFirst(4)
        switch body.count {
        case 0:
            break
        case 1:
            le = Self.decodeLe(body[body.startIndex])
        default:
            let lc = Int(body[body.startIndex])
            guard lc > 0, body.count == 1 + lc || body.count == 2 + lc else {
                throw .invalidCommand("Lc \(lc) does not match a body of \(body.count) bytes")
            }
            data = Array(body.dropFirst().prefix(lc))
            if body.count == 2 + lc, let last = body.last {
                le = Self.decodeLe(last)
            }
        }
    }

    /// ISO 7816-4 case number (1 to 4).
    public var isoCase: Int {
        switch (data.isEmpty, le == nil) {
        case (true, true): return 1
        case (true, false): return 2
        case (false, true): return 3
        case (false, false): return 4
        }
    }

    /// Encodes the APDU; with `t0` a case-4 command goes out without Le, as T=0 requires (the data then comes
    /// back through `61xx` / GET RESPONSE).
    public func encoded(t0: Bool = false) throws(SmartCardError) -> [UInt8] {
        guard data.count <= 255 else {
            throw .invalidCommand("data field of \(data.count) bytes needs extended length, unsupported over T=0")
        }
        var bytes: [UInt8] = [cla, ins, p1, p2]
        bytes.reserveCapacity(6 + data.count)
        if !data.isEmpty {
            bytes.append(UInt8(data.count))
            bytes.append(contentsOf: data)
        }
        if let le, !(t0 && !data.isEmpty) {
            guard (1...256).contains(le) else {
                throw .invalidCommand("Le \(le) out of 1…256")
            }
            bytes.append(UInt8(truncatingIfNeeded: le))
        }
        return bytes
    }

    /// Overwrites the data field: used after sending a command that carried a secret.
    public mutating func wipe() {
        for index in data.indices {
            data[index] = 0
        }
        data.removeAll()
    }

    public var description: String {
        let header = [cla, ins, p1, p2].map(\.hexByte).joined(separator: " ")
        var text = "APDU \(header)"
        if !data.isEmpty {
            text += " Lc=\(data.count) <data hidden>"
        }
        if let le {
            text += " Le=\(le)"
        }
        return text
    }

    private static func decodeLe(_ byte: UInt8) -> Int {
        byte == 0 ? 256 : Int(byte)
    }
}

extension UInt8 {
    /// Two upper-case hexadecimal digits.
    public var hexByte: String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(self >> 4)], digits[Int(self & 0x0F)]])
    }
}

extension Sequence where Element == UInt8 {
    /// Upper-case hexadecimal without separators, for technical messages and tests (never for secrets).
    public var hexString: String {
        map(\.hexByte).joined()
    }
}
