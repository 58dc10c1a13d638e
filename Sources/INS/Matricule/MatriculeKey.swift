/// The NIR/NIA control key: 97 − (body mod 97).
public enum MatriculeKey {
    /// Computes the key of a 13-character body already validated by `MatriculeInspection`. Corsican
    /// departments are replaced before the modulo: `2A` → `19`, `2B` → `18`.
    public static func compute(body: String) -> Int {
        var digits = Array(body.utf8)
        if digits.count == 13, digits[6] == UInt8(ascii: "A") || digits[6] == UInt8(ascii: "B") {
            let isA = digits[6] == UInt8(ascii: "A")
            digits[5] = UInt8(ascii: "1")
            digits[6] = isA ? UInt8(ascii: "9") : UInt8(ascii: "8")
        }
        // 13 digits exceed no Int64 range, but reduce as we go to keep the rule obvious.
        var remainder = 0
        for digit in digits {
            remainder = (remainder * 10 + Int(digit &- UInt8(ascii: "0"))) % 97
        }
        return 97 - remainder
    }
}
