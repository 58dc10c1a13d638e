/// Removes what must never reach a log line (design.md §5). Two rules, both applied to every message and every
/// metadata value: sensitive metadata keys are masked whatever their value, and secrets are masked by their shape
/// wherever they appear (a JWT, a `Bearer` credential, a matricule pasted into a free-text message).
public enum Redaction {
    public static let mask = "[redacted]"

    /// Metadata keys whose value is always masked (compared lower-cased, `-`/`_` ignored).
    static let sensitiveKeys: Set<String> = [
        "pin", "password", "passwd", "passphrase", "secret", "clientsecret", "token", "accesstoken", "refreshtoken",
        "idtoken", "authorization", "cookie", "setcookie", "codeverifier", "matricule", "nir", "nia", "ins",
        "privatekey", "apikey",
    ]

    public static func isSensitive(key: String) -> Bool {
        let folded = String(key.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." })
        if sensitiveKeys.contains(folded) { return true }
        return folded.hasSuffix("token") || folded.hasSuffix("secret") || folded.hasSuffix("password")
    }

    /// Masks JWT-shaped strings, `Bearer …` credentials and matricule-shaped numbers in free text.
    public static func scrub(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard bytes.count >= 13 else { return text }
        var changed = false
        changed = maskBearer(&bytes) || changed
        changed = maskJWTs(&bytes) || changed
        changed = maskMatricules(&bytes) || changed
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    // MARK: - Shapes

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x5F
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Digits, or `A`/`B` as the second character of the department (Corsica, offset 6).
    private static func isMatriculeCharacter(_ byte: UInt8, offset: Int) -> Bool {
        isDigit(byte) || (offset == 6 && ((byte | 0x20) == 0x61 || (byte | 0x20) == 0x62))
    }

    /// Copies `bytes`, letting `match` replace a run starting at each index: it returns the end of the run and its
    /// replacement, or nil to copy the byte and move on. True when anything was replaced.
    private static func rewrite(_ bytes: inout [UInt8], _ match: (Int) -> (end: Int, with: [UInt8])?) -> Bool {
        var changed = false
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let found = match(index) {
                out.append(contentsOf: found.with)
                changed = true
                index = found.end
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        if changed { bytes = out }
        return changed
    }

    /// `Bearer <credential>` (any case): the credential goes.
    private static func maskBearer(_ bytes: inout [UInt8]) -> Bool {
        let word = Array("bearer ".utf8)
        let source = bytes
        return rewrite(&bytes) { index in
            guard index + word.count < source.count,
                zip(source[index..<index + word.count], word).allSatisfy({ ($0 | 0x20) == $1 })
            else { return nil }
            var end = index + word.count
            while end < source.count, source[end] != 0x20, source[end] != 0x22, source[end] != 0x2C { end += 1 }
            guard end > index + word.count else { return nil }
            return (end, Array(source[index..<index + word.count]) + Array(mask.utf8))
        }
    }

    /// Three base64url runs joined by dots, the first starting `eyJ` (a JSON header): a JWS or JWT.
    private static func maskJWTs(_ bytes: inout [UInt8]) -> Bool {
        let source = bytes
        return rewrite(&bytes) { index in
            guard index + 3 <= source.count, source[index] == 0x65, source[index + 1] == 0x79,
                source[index + 2] == 0x4A, index == 0 || !isBase64URL(source[index - 1])
            else { return nil }
            var end = index
            var dots = 0
            while end < source.count, isBase64URL(source[end]) || (source[end] == 0x2E && dots < 2) {
                if source[end] == 0x2E { dots += 1 }
                end += 1
            }
            return dots == 2 ? (end, Array("[redacted-jwt]".utf8)) : nil
        }
    }

    /// 13 or 15 characters shaped like a NIR/NIA (sex digit 1–8, then digits, Corsica `2A`/`2B` allowed at the
    /// department), not inside a longer run of digits: all but the first character and the key are masked.
    private static func maskMatricules(_ bytes: inout [UInt8]) -> Bool {
        var changed = false
        var index = 0
        while index < bytes.count {
            guard bytes[index] >= 0x31, bytes[index] <= 0x38, index == 0 || !isDigit(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, end - index < 16, isMatriculeCharacter(bytes[end], offset: end - index) {
                end += 1
            }
            let length = end - index
            if length == 13 || length == 15, end == bytes.count || !isDigit(bytes[end]) {
                let keep = length == 15 ? 2 : 0
                for position in (index + 1)..<(end - keep) { bytes[position] = 0x2A }
                changed = true
            }
            index = max(end, index + 1)
        }
        return changed
    }
}
