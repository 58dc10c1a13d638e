/// A 16-byte file identifier derived from content (ISO 32000-1 §14.4 only asks that it be unlikely to repeat).
/// Deterministic on purpose: the same label request gives the same bytes, which keeps outputs reproducible.
enum FileIdentifier {
    static func make(from parts: [[UInt8]]) -> [UInt8] {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x6c62_272e_07bb_0142
        for part in parts {
            for byte in part {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                second = (second ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
            }
            first = (first ^ 0xFF) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(part.count & 0xFF)) &* 0x0000_0100_0000_01B3
        }
        return bytes(of: first) + bytes(of: second)
    }

    private static func bytes(of value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }
}
