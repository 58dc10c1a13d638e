import Foundation

/// JOSE uses unpadded base64url everywhere (RFC 7515 §2); Foundation only speaks classic base64. Public: the
/// broker encodes its tokens, PKCE digests and JWS with it too.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Byte → 6-bit value, 0xFF for every byte outside the base64url alphabet (padding, `+`, `/`, non-ASCII).
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let input = Array(bytes)
        var output = [UInt8]()
        output.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index + 2 < input.count {
            let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            output.append(alphabet[Int(group >> 6 & 63)])
            output.append(alphabet[Int(group & 63)])
            index += 3
        }
        let rest = input.count - index
        if rest > 0 {
            let group = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            if rest == 2 { output.append(alphabet[Int(group >> 6 & 63)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Strict decoder over bytes: refuses padding, characters outside the base64url alphabet, a dangling single
    /// character and non-zero unused bits in the last character, so that each byte string has exactly one
    /// accepted spelling and two spellings of the same token cannot both verify. Table-driven and without
    /// Foundation: it runs three times per ID-token validation (Tools/bench/psc).
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let remainder = text.count % 4
        if remainder == 1 { return nil }
        var output = [UInt8]()
        output.reserveCapacity(text.count / 4 * 3 + 2)
        var failed: UInt8 = 0
        var index = 0
        let whole = text.count - remainder
        values.withUnsafeBufferPointer { table in
            while index < whole {
                let a = table[Int(text[index])]
                let b = table[Int(text[index + 1])]
                let c = table[Int(text[index + 2])]
                let d = table[Int(text[index + 3])]
                failed |= (a | b | c | d) & 0xC0
                let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                output.append(UInt8(truncatingIfNeeded: group >> 16))
                output.append(UInt8(truncatingIfNeeded: group >> 8))
                output.append(UInt8(truncatingIfNeeded: group))
                index += 4
            }
            if remainder >= 2 {
                let a = table[Int(text[index])]
                let b = table[Int(text[index + 1])]
                failed |= (a | b) & 0xC0
                output.append(a << 2 | b >> 4)
                if remainder == 3 {
                    let c = table[Int(text[index + 2])]
                    failed |= c & 0xC0
                    output.append(b << 4 | c >> 2)
                    failed |= (c & 0x03) != 0 ? 0x40 : 0
                } else {
                    failed |= (b & 0x0F) != 0 ? 0x40 : 0
                }
            }
        }
        return failed == 0 ? output : nil
    }

    static func decode(_ text: Substring) -> Data? {
        var text = text
        let bytes = text.withUTF8 { decode($0) }
        return bytes.map { Data($0) }
    }

    public static func decode(_ text: String) -> Data? { decode(text[...]) }
}
