import Crypto
import Foundation
import ProSanteConnect

/// Random values and digests for codes, tokens and secrets. Everything comes from the system CSPRNG and every
/// comparison of a secret runs in constant time.
enum Secrets {
    /// 256 random bits, base64url (43 characters).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return Base64URL.encode(bytes)
    }

    /// SHA-256 of a token, base64url: tokens are looked up by digest so a memory or file dump reveals no token.
    static func digest(_ value: String) -> String {
        Base64URL.encode(SHA256.hash(data: Data(value.utf8)))
    }

    static func constantTimeEquals(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }

    /// Two decimal digits for a CIBA binding message (psc.md §4).
    static func bindingMessage() -> String {
        String(format: "%02d", Int.random(in: 0...99))
    }
}
