/// GF(256) with the ECC 200 primitive polynomial x⁸ + x⁵ + x³ + x² + 1 (0x12D) and generator α = 2.
enum GaloisField256 {
    /// exp[i] = αⁱ, doubled so a sum of two logarithms needs no reduction.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            table[index + 255] = UInt8(value)
            value <<= 1
            if value > 255 { value ^= 0x12D }
        }
        return table
    }()

    static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for index in 0..<255 { table[Int(exp[index])] = index }
        return table
    }()

    static func multiply(_ lhs: UInt8, _ rhs: UInt8) -> UInt8 {
        if lhs == 0 || rhs == 0 { return 0 }
        return exp[log[Int(lhs)] + log[Int(rhs)]]
    }
}
