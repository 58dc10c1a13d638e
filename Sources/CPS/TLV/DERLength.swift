/// The total size of a DER object from its first bytes (tag + definite length), to read a file holding one object
/// with exact READ BINARY lengths.
enum DERLength {
    /// Header + content length, or nil when the header is not a single-byte tag with a definite length.
    static func total(of prefix: [UInt8]) -> Int? {
        guard prefix.count >= 2, prefix[0] & 0x1F != 0x1F else {
            return nil
        }
        let first = Int(prefix[1])
        if first < 0x80 {
            return 2 + first
        }
        let count = first & 0x7F
        guard (1...3).contains(count), prefix.count >= 2 + count else {
            return nil
        }
        let length = prefix[2..<2 + count].reduce(0) { $0 << 8 | Int($1) }
        return 2 + count + length
    }
}
