/// The six ECC 200 encodation schemes.
enum EncodationScheme: Sendable, Equatable {
    case ascii
    case c40
    case text
    case x12
    case edifact
    case base256

    var latchCodeword: UInt8 {
        switch self {
        case .ascii: return Codeword.unlatch
        case .c40: return Codeword.latchC40
        case .text: return Codeword.latchText
        case .x12: return Codeword.latchX12
        case .edifact: return Codeword.latchEDIFACT
        case .base256: return Codeword.latchBase256
        }
    }
}
