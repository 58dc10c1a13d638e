import Crypto
import Foundation

/// State, nonce and PKCE verifiers must be unguessable and compared without leaking timing.
enum Secrets {
    /// 32 bytes from the system CSPRNG (via swift-crypto's SymmetricKey), base64url: 43 characters.
    static func randomToken() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Base64URL.encode($0) }
    }

    /// Two random decimal digits for the CIBA binding message, without modulo bias.
    static func bindingMessage() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = Int.random(in: 0...99, using: &generator)
        return value < 10 ? "0\(value)" : "\(value)"
    }

    /// Time depends on the lengths only, never on where the bytes differ.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference: UInt8 = 0
        let count = max(left.count, right.count)
        for index in 0..<count {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        // Lengths compared as a whole: folding them into a byte would let lengths 256 apart compare equal.
        return difference == 0 && left.count == right.count
    }
}
