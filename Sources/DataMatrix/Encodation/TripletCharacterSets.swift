/// Values of one byte in the three schemes that pack three values into two codewords (C40, Text, X12).
/// C40 and Text reach every byte through their shift sets and Upper Shift; X12 has only 40 characters.
enum TripletCharacterSets {
    /// Shift 1 (values 0…31 = ASCII 0…31). Value 0 after it is also the end-of-data pad of ISO 5.2.5.2 b.
    static let shift1: UInt8 = 0
    static let shift2: UInt8 = 1
    static let shift3: UInt8 = 2
    /// Upper Shift, a member of the Shift 2 set: the next character is the byte minus 128.
    static let upperShiftInShift2: UInt8 = 30

    /// C40 values of `byte`: basic set space, digits, A–Z; Shift 3 holds the lower-case letters.
    static let c40: [[UInt8]] = (0...255).map { values(of: UInt8($0), text: false) }
    /// Text values of `byte`: as C40 with the letter cases swapped.
    static let text: [[UInt8]] = (0...255).map { values(of: UInt8($0), text: true) }
    static let c40Count: [UInt8] = c40.map { UInt8($0.count) }
    static let textCount: [UInt8] = text.map { UInt8($0.count) }
    /// X12 value of `byte`, or `nil` when X12 cannot carry it.
    static let x12: [UInt8?] = (0...255).map { x12Value(of: UInt8($0)) }

    private static func values(of byte: UInt8, text: Bool) -> [UInt8] {
        if byte >= 128 {
            return [shift2, upperShiftInShift2] + values(of: byte - 128, text: text)
        }
        switch byte {
        case 32: return [3]
        case 48...57: return [byte - 48 + 4]
        case 65...90: return text ? [shift3, byte - 65 + 1] : [byte - 65 + 14]
        case 97...122: return text ? [byte - 97 + 14] : [shift3, byte - 97 + 1]
        case 0...31: return [shift1, byte]
        case 33...47: return [shift2, byte - 33]
        case 58...64: return [shift2, byte - 58 + 15]
        case 91...95: return [shift2, byte - 91 + 22]
        case 96: return [shift3, 0]
        default: return [shift3, byte - 123 + 27]  // { | } ~ DEL
        }
    }

    private static func x12Value(of byte: UInt8) -> UInt8? {
        switch byte {
        case 13: return 0
        case 42: return 1  // *
        case 62: return 2  // >
        case 32: return 3
        case 48...57: return byte - 48 + 4
        case 65...90: return byte - 65 + 14
        default: return nil
        }
    }

    /// Two codewords for three values: 1600·v1 + 40·v2 + v3 + 1, high byte first.
    static func pack(_ v1: UInt8, _ v2: UInt8, _ v3: UInt8) -> (UInt8, UInt8) {
        let packed = 1600 * Int(v1) + 40 * Int(v2) + Int(v3) + 1
        return (UInt8(truncatingIfNeeded: packed >> 8), UInt8(truncatingIfNeeded: packed))
    }
}
