/// Reed–Solomon error codewords for one block: the remainder of data(x)·xⁿ divided by g(x) = ∏(x − αⁱ), i = 1…n.
struct ReedSolomonEncoder: Sendable {
    /// Coefficients of g(x) below the leading 1, highest degree first.
    let generator: [UInt8]
    /// Their logarithms (-1 for a zero coefficient), so each step costs one table look-up per coefficient.
    private let generatorLogs: [Int]

    init(errorCodewordCount count: Int) {
        var polynomial: [UInt8] = [1]  // highest degree first
        for power in 1...max(count, 1) {
            let root = GaloisField256.exp[power]
            var next = [UInt8](repeating: 0, count: polynomial.count + 1)
            for (index, coefficient) in polynomial.enumerated() {
                next[index] ^= coefficient
                next[index + 1] ^= GaloisField256.multiply(coefficient, root)
            }
            polynomial = next
        }
        generator = Array(polynomial.dropFirst())
        generatorLogs = generator.map { $0 == 0 ? -1 : GaloisField256.log[Int($0)] }
    }

    func errorCodewords(for data: [UInt8]) -> [UInt8] {
        let count = generatorLogs.count
        var remainder = [UInt8](repeating: 0, count: count)
        let exp = GaloisField256.exp
        let log = GaloisField256.log
        generatorLogs.withUnsafeBufferPointer { logs in
            exp.withUnsafeBufferPointer { exp in
                remainder.withUnsafeMutableBufferPointer { remainder in
                    for byte in data {
                        let feedback = byte ^ remainder[0]
                        for index in 0..<(count - 1) { remainder[index] = remainder[index + 1] }
                        remainder[count - 1] = 0
                        guard feedback != 0 else { continue }
                        let feedbackLog = log[Int(feedback)]
                        for index in 0..<count where logs[index] >= 0 {
                            remainder[index] ^= exp[feedbackLog + logs[index]]
                        }
                    }
                }
            }
        }
        return remainder
    }

    /// Encoders for every block length ECC 200 uses, built once.
    static let byBlockLength: [Int: ReedSolomonEncoder] = {
        var table: [Int: ReedSolomonEncoder] = [:]
        for size in SymbolSize.all where table[size.errorCodewordsPerBlock] == nil {
            table[size.errorCodewordsPerBlock] = ReedSolomonEncoder(errorCodewordCount: size.errorCodewordsPerBlock)
        }
        return table
    }()
}
