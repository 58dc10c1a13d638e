import Foundation

/// JOSE uses unpadded base64url everywhere (RFC 7515 §2); Foundation only speaks classic base64.
enum Base64URL {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Strict decoder: refuses padding and characters outside the base64url alphabet so that two spellings of
    /// the same token cannot both verify.
    static func decode(_ text: Substring) -> Data? {
        // Works on UTF-8 bytes: building a String scalar by scalar dominated ID-token validation (Tools/bench/psc).
        // Any byte outside the alphabet, including every byte of a non-ASCII character, is refused.
        var base64: [UInt8] = []
        base64.reserveCapacity(text.utf8.count + 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                base64.append(byte)
            case UInt8(ascii: "-"): base64.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): base64.append(UInt8(ascii: "/"))
            default: return nil
            }
        }
        let remainder = base64.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { base64.append(contentsOf: repeatElement(UInt8(ascii: "="), count: 4 - remainder)) }
        return Data(base64Encoded: Data(base64))
    }

    static func decode(_ text: String) -> Data? { decode(text[...]) }
}
