/// EDIFACT carries ASCII 32…94 as 6-bit values (the low six bits of the byte); four values fill three codewords.
enum EDIFACTCharacterSet {
    static func value(of byte: UInt8) -> UInt8? {
        (32...94).contains(byte) ? byte & 0x3F : nil
    }

    /// Codewords used by `valueCount` values (1…4), the last being the unlatch, with zero bits up to a byte boundary.
    static func bytes(forValues valueCount: Int) -> Int {
        (valueCount * 6 + 7) / 8
    }
}
