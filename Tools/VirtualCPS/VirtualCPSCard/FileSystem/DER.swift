/// Just enough BER/DER writing to lay out PKCS#15 objects and card answers.
public enum DER {
    public static func length(_ count: Int) -> [UInt8] {
        switch count {
        case ..<0x80:
            return [UInt8(count)]
        case ..<0x100:
            return [0x81, UInt8(count)]
        default:
            return [0x82, UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
        }
    }

    public static func tlv(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
        [tag] + length(value.count) + value
    }

    public static func tlv(tag: [UInt8], _ value: [UInt8]) -> [UInt8] {
        tag + length(value.count) + value
    }

    public static func sequence(_ parts: [UInt8]...) -> [UInt8] {
        tlv(0x30, parts.flatMap { $0 })
    }

    public static func utf8(_ text: String) -> [UInt8] {
        tlv(0x0C, Array(text.utf8))
    }

    public static func octets(_ bytes: [UInt8]) -> [UInt8] {
        tlv(0x04, bytes)
    }

    public static func integer(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var remaining = value
        repeat {
            bytes.insert(UInt8(remaining & 0xFF), at: 0)
            remaining >>= 8
        } while remaining > 0
        if let first = bytes.first, first & 0x80 != 0 {
            bytes.insert(0, at: 0)
        }
        return tlv(0x02, bytes)
    }

    /// BIT STRING from the listed bit numbers (bit 0 = most significant bit of the first byte).
    public static func bits(_ numbers: [Int]) -> [UInt8] {
        let highest = numbers.max() ?? 0
        var bytes = [UInt8](repeating: 0, count: highest / 8 + 1)
        for number in numbers {
            bytes[number / 8] |= 0x80 >> UInt8(number % 8)
        }
        let unused = 7 - highest % 8
        return tlv(0x03, [UInt8(unused)] + bytes)
    }

    /// A PKCS#15 Path (SEQUENCE { OCTET STRING }).
    public static func path(_ bytes: [UInt8]) -> [UInt8] {
        sequence(octets(bytes))
    }
}
