import Foundation

/// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Used for identities created
/// in bulk: consecutive ids sort together, so a million imported rows append to the end of the primary-key and
/// audit-entity indexes instead of landing on random pages (which made each batch rewrite pages all over both
/// indexes). Still a UUID, still unguessable from its neighbours; it does reveal the creation millisecond,
/// which `created_at` already stores.
enum TimeOrderedID {
    static func make(at time: Timestamp) -> UUID {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, time.milliseconds)) & 0xFFFF_FFFF_FFFF
        let random = generator.next() as UInt64
        let tail = generator.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: random & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: random >> 8)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: (random >> 16) & 0x3F)
        for index in 9..<16 { bytes[index] = UInt8(truncatingIfNeeded: tail >> (8 * UInt64(index - 9))) }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
