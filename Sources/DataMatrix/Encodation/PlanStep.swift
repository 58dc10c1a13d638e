/// One move of an encodation plan, in message order. The emitter turns steps into codewords.
enum PlanStep: Sendable, Equatable {
    /// One byte in ASCII (Upper Shift included when the byte is above 127).
    case asciiByte(UInt8)
    /// Two digits in one ASCII codeword.
    case asciiDigitPair(UInt8, UInt8)
    /// From ASCII into another scheme (Base 256 is entered by `base256Start`).
    case latch(EncodationScheme)
    /// Back to ASCII from C40, Text, X12 (codeword 254) or EDIFACT (value 31, flushing the pending values).
    case unlatch(EncodationScheme)
    /// One byte as C40, Text or X12 values.
    case tripletByte(EncodationScheme, UInt8)
    case edifactByte(UInt8)
    /// Latch to Base 256 and its first byte; the segment runs over the following `base256Byte` steps.
    case base256Start(UInt8)
    case base256Byte(UInt8)
}
