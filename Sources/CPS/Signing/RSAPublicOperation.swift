/// The RSA public operation `s^e mod n` with Montgomery multiplication on 32-bit limbs, so a signature can be checked
/// against a bare SHA-256 digest (swift-crypto only verifies digests of its own types, or whole messages).
///
/// Public data only (signature, modulus, exponent): no constant-time requirement.
struct RSAPublicOperation {
    /// Little-endian limbs of the modulus.
    private let modulus: [UInt32]
    private let exponent: [UInt8]
    private let modulusByteCount: Int
    /// `-n⁻¹ mod 2³²`.
    private let inverse: UInt32
    /// `R² mod n` with `R = 2^(32·limbs)`.
    private let rSquared: [UInt32]

    /// Nil for an even or empty modulus (not an RSA key).
    init?(modulus bigEndian: [UInt8], exponent: [UInt8]) {
        let trimmed = Array(bigEndian.drop { $0 == 0 })
        guard let last = trimmed.last, last & 1 == 1, !exponent.isEmpty else {
            return nil
        }
        modulus = Self.limbs(trimmed, count: (trimmed.count + 3) / 4)
        self.exponent = exponent
        modulusByteCount = trimmed.count
        var x: UInt32 = 1
        for _ in 0..<5 {
            x = x &* (2 &- modulus[0] &* x)
        }
        inverse = 0 &- x
        var r = [UInt32](repeating: 0, count: modulus.count)
        r[0] = 1
        for _ in 0..<(64 * modulus.count) {
            r = Self.doubled(r, modulo: modulus)
        }
        rSquared = r
    }

    /// Byte length of the modulus: every signature and encoded message has this length.
    var byteCount: Int { modulusByteCount }

    /// `signature^e mod n`, big-endian on `byteCount` bytes; nil when the signature is not smaller than the modulus.
    func apply(_ signature: [UInt8]) -> [UInt8]? {
        guard signature.count <= modulusByteCount else {
            return nil
        }
        let base = Self.limbs(signature, count: modulus.count)
        guard Self.compare(base, modulus) < 0 else {
            return nil
        }
        let baseMontgomery = multiply(base, rSquared)
        var one = [UInt32](repeating: 0, count: modulus.count)
        one[0] = 1
        var result = multiply(one, rSquared)
        for byte in exponent {
            for bit in (0..<8).reversed() {
                result = multiply(result, result)
                if byte >> UInt8(bit) & 1 == 1 {
                    result = multiply(result, baseMontgomery)
                }
            }
        }
        result = multiply(result, one)
        var bytes = [UInt8](repeating: 0, count: modulusByteCount)
        for index in 0..<modulusByteCount {
            let limb = result[index / 4]
            bytes[modulusByteCount - 1 - index] = UInt8(truncatingIfNeeded: limb >> (8 * UInt32(index % 4)))
        }
        return bytes
    }

    /// Montgomery product `a·b·R⁻¹ mod n` (CIOS).
    private func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let count = modulus.count
        var t = [UInt32](repeating: 0, count: count + 2)
        for i in 0..<count {
            var carry: UInt64 = 0
            for j in 0..<count {
                let sum = UInt64(t[j]) + UInt64(a[j]) * UInt64(b[i]) + carry
                t[j] = UInt32(truncatingIfNeeded: sum)
                carry = sum >> 32
            }
            var sum = UInt64(t[count]) + carry
            t[count] = UInt32(truncatingIfNeeded: sum)
            t[count + 1] = UInt32(truncatingIfNeeded: sum >> 32)
            let m = t[0] &* inverse
            sum = UInt64(t[0]) + UInt64(m) * UInt64(modulus[0])
            carry = sum >> 32
            for j in 1..<count {
                sum = UInt64(t[j]) + UInt64(m) * UInt64(modulus[j]) + carry
                t[j - 1] = UInt32(truncatingIfNeeded: sum)
                carry = sum >> 32
            }
            sum = UInt64(t[count]) + carry
            t[count - 1] = UInt32(truncatingIfNeeded: sum)
            t[count] = t[count + 1] &+ UInt32(truncatingIfNeeded: sum >> 32)
            t[count + 1] = 0
        }
        var result = Array(t[0..<count])
        if t[count] != 0 || Self.compare(result, modulus) >= 0 {
            result = Self.subtract(result, modulus)
        }
        return result
    }

    private static func limbs(_ bigEndian: [UInt8], count: Int) -> [UInt32] {
        var limbs = [UInt32](repeating: 0, count: count)
        for (index, byte) in bigEndian.reversed().enumerated() where index / 4 < count {
            limbs[index / 4] |= UInt32(byte) << (8 * UInt32(index % 4))
        }
        return limbs
    }

    private static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        for index in stride(from: a.count - 1, through: 0, by: -1) where a[index] != b[index] {
            return a[index] < b[index] ? -1 : 1
        }
        return 0
    }

    /// `a - b` on equal limb counts, wrapping (the caller ensures the true result is in range).
    private static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = a
        var borrow: UInt64 = 0
        for index in a.indices {
            let difference = UInt64(a[index]) &- UInt64(b[index]) &- borrow
            result[index] = UInt32(truncatingIfNeeded: difference)
            borrow = difference >> 63
        }
        return result
    }

    /// `2a mod n` for `a < n`.
    private static func doubled(_ a: [UInt32], modulo n: [UInt32]) -> [UInt32] {
        var result = a
        var carry: UInt32 = 0
        for index in a.indices {
            let next = a[index] >> 31
            result[index] = a[index] << 1 | carry
            carry = next
        }
        if carry != 0 || compare(result, n) >= 0 {
            result = subtract(result, n)
        }
        return result
    }
}
