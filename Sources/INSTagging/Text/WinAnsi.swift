/// WinAnsiEncoding (ISO 32000-1 Annex D.2): the single-byte encoding standard-14 fonts render without embedding.
///
/// Characters outside it are refused (`INSTaggingError.unencodableCharacter`) rather than replaced: on an identity
/// label a silently substituted letter would be worse than no label.
enum WinAnsi {
    /// Code points of 0x80…0x9F, where WinAnsi differs from Latin-1 (0 = undefined).
    private static let windowsRange: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]

    /// Keyed by `Character`, whose equality is canonical equivalence: a decomposed "é" finds the same code.
    private static let codes: [Character: UInt8] = {
        var table: [Character: UInt8] = [:]
        for code in UInt32(0x20)...UInt32(0x7E) {
            if let scalar = Unicode.Scalar(code) { table[Character(scalar)] = UInt8(code) }
        }
        for (offset, value) in windowsRange.enumerated() where value != 0 {
            if let scalar = Unicode.Scalar(value) { table[Character(scalar)] = UInt8(0x80 + offset) }
        }
        for code in UInt32(0xA0)...UInt32(0xFF) {
            if let scalar = Unicode.Scalar(code) { table[Character(scalar)] = UInt8(code) }
        }
        return table
    }()

    /// - Parameter field: names the text in errors (a caption, never the value itself).
    static func encode(_ text: String, field: String) throws(INSTaggingError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for character in text {
            guard let code = codes[character] else {
                throw .unencodableCharacter(character, field: field)
            }
            bytes.append(code)
        }
        return bytes
    }
}
