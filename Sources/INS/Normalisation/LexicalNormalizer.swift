/// The INSi lexical normaliser: turns what a person typed into the form INSi and the DataMatrix accept, or says
/// precisely why it cannot.
///
/// What it fixes silently, because the meaning cannot change: letter case, diacritics and ligatures
/// (É → E, Œ → OE, ß → SS…), typographic apostrophes and hyphens, non-breaking spaces, leading/trailing spaces
/// and runs of spaces. Everything else that breaks a rule is refused with the field, the character and its
/// position in the typed text: a normaliser that guesses would change a person's identity.
///
/// Pure and idempotent: `normalize(normalize(x)) == normalize(x)`. Storage keeps what was typed; this runs at
/// the INSi and DataMatrix boundaries.
public enum LexicalNormalizer {
    public static func normalize(_ value: String, field: TraitField) throws(LexicalError) -> String {
        // 1. Transliterate, remembering which typed character (1-based) each output byte came from.
        var output: [UInt8] = []
        var origin: [Int] = []
        output.reserveCapacity(value.utf8.count)
        origin.reserveCapacity(value.utf8.count)
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            // Most traits are plain ASCII: one byte per typed character, no Unicode work.
            for (index, byte) in value.utf8.enumerated() {
                switch byte {
                case 0x41...0x5A, 0x20, 0x27, 0x2D: output.append(byte)
                case 0x61...0x7A: output.append(byte - 0x20)
                default:
                    let reason: LexicalError.Reason =
                        (0x30...0x39).contains(byte)
                        ? .digit : byte < 0x20 || byte == 0x7F ? .controlCharacter : .characterNotAllowed
                    throw LexicalError(
                        field: field, reason: reason, character: Character(Unicode.Scalar(byte)), position: index + 1)
                }
                origin.append(index + 1)
            }
        } else {
            for (index, character) in value.enumerated() {
                switch Transliteration.map(character) {
                case .mapped(let text):
                    for byte in text.utf8 {
                        output.append(byte)
                        origin.append(index + 1)
                    }
                case .rejected(let reason):
                    throw LexicalError(field: field, reason: reason, character: character, position: index + 1)
                }
            }
        }
        // 2. Trim and collapse spaces.
        var text: [UInt8] = []
        var positions: [Int] = []
        text.reserveCapacity(output.count)
        for (byte, position) in zip(output, origin) {
            if byte == space, text.isEmpty || text.last == space { continue }
            text.append(byte)
            positions.append(position)
        }
        if text.last == space {
            text.removeLast()
            positions.removeLast()
        }
        // 3. Structural rules.
        guard !text.isEmpty else { throw LexicalError(field: field, reason: .empty) }
        guard text.count <= field.maximumLength else { throw LexicalError(field: field, reason: .tooLong) }
        try checkRules(text, positions: positions, typed: value, field: field)
        return String(decoding: text, as: UTF8.self)
    }

    private static let space = UInt8(ascii: " ")
    private static let hyphen = UInt8(ascii: "-")
    private static let apostrophe = UInt8(ascii: "'")

    private static func checkRules(
        _ text: [UInt8], positions: [Int], typed: String, field: TraitField
    ) throws(LexicalError) {
        func fail(_ reason: LexicalError.Reason, at index: Int) -> LexicalError {
            let position = positions[index]
            let character = typed.dropFirst(position - 1).first
            return LexicalError(field: field, reason: reason, character: character, position: position)
        }
        if text[0] == hyphen { throw fail(.leadingHyphen, at: 0) }
        for index in text.indices.dropFirst() {
            let previous = text[index - 1]
            let current = text[index]
            switch (previous, current) {
            case (apostrophe, apostrophe): throw fail(.doubledApostrophe, at: index)
            case (space, apostrophe), (apostrophe, space): throw fail(.spaceAroundApostrophe, at: index)
            case (space, hyphen), (hyphen, space): throw fail(.spaceAroundHyphen, at: index)
            case (hyphen, hyphen):
                if !field.isFamilyName { throw fail(.doubleHyphenOutsideFamilyName, at: index) }
                if index >= 2, text[index - 2] == hyphen { throw fail(.tripleHyphen, at: index) }
            default: break
            }
        }
        let last = text.count - 1
        if text[last] == hyphen { throw fail(.trailingHyphen, at: last) }
        if text[last] == apostrophe, !field.isFamilyName { throw fail(.trailingApostrophe, at: last) }
    }

    /// Whether a value is already in normal form (what INSi returns should be).
    public static func isNormalized(_ value: String, field: TraitField) -> Bool {
        (try? normalize(value, field: field)) == value
    }
}
