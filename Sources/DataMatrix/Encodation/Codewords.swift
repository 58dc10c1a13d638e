/// Codeword values with a meaning of their own in the ECC 200 data stream (ISO/IEC 16022 Table 2).
enum Codeword {
    static let firstPad: UInt8 = 129
    static let digitPairBase: UInt8 = 130
    static let latchC40: UInt8 = 230
    static let latchBase256: UInt8 = 231
    static let upperShift: UInt8 = 235
    static let latchX12: UInt8 = 238
    static let latchText: UInt8 = 239
    static let latchEDIFACT: UInt8 = 240
    /// Returns from C40, Text or X12 to ASCII.
    static let unlatch: UInt8 = 254
    /// The EDIFACT value that returns to ASCII (the rest of its byte is zero bits).
    static let edifactUnlatchValue: UInt8 = 31
}
