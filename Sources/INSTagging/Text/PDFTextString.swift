/// A literal string for a content stream: `\`, `(` and `)` escaped, bytes outside printable ASCII as `\ddd`.
enum PDFTextString {
    static func literal(_ bytes: [UInt8]) -> String {
        var result = "("
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"):
                result += "\\" + String(UnicodeScalar(byte))
            case 0x20...0x7E:
                result += String(UnicodeScalar(byte))
            default:
                let octal = String(byte, radix: 8)
                result += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return result + ")"
    }
}
