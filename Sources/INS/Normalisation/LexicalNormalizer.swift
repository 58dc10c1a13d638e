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
        // 1. Transliterate character by character, remembering where each output character came from.
        var output: [Character] = []
        var origin: [Int] = []
        for (index, character) in value.enumerated() {
            switch Transliteration.map(character) {
            case .mapped(let text):
                for mapped in text {
                    output.append(mapped)
                    origin.append(index + 1)
                }
            case .rejected(let reason):
                throw LexicalError(field: field, reason: reason, character: character, position: index + 1)
            }
        }
        // 2. Trim and collapse spaces.
        var text: [Character] = []
        var positions: [Int] = []
        for (character, position) in zip(output, origin) {
            if character == " ", text.isEmpty || text.last == " " { continue }
            text.append(character)
            positions.append(position)
        }
        if text.last == " " {
            text.removeLast()
            positions.removeLast()
        }
        // 3. Structural rules.
        guard !text.isEmpty else { throw LexicalError(field: field, reason: .empty) }
        guard text.count <= field.maximumLength else { throw LexicalError(field: field, reason: .tooLong) }
        try checkRules(text, positions: positions, typed: Array(value), field: field)
        return String(text)
    }

    private static func checkRules(
        _ text: [Character], positions: [Int], typed: [Character], field: TraitField
    ) throws(LexicalError) {
        func fail(_ reason: LexicalError.Reason, at index: Int) -> LexicalError {
            let position = positions[index]
            return LexicalError(field: field, reason: reason, character: typed[position - 1], position: position)
        }
        if text[0] == "-" { throw fail(.leadingHyphen, at: 0) }
        for index in text.indices.dropFirst() {
            let previous = text[index - 1]
            let current = text[index]
            switch (previous, current) {
            case ("'", "'"): throw fail(.doubledApostrophe, at: index)
            case (" ", "'"), ("'", " "): throw fail(.spaceAroundApostrophe, at: index)
            case (" ", "-"), ("-", " "): throw fail(.spaceAroundHyphen, at: index)
            case ("-", "-"):
                if !field.isFamilyName { throw fail(.doubleHyphenOutsideFamilyName, at: index) }
                if index >= 2, text[index - 2] == "-" { throw fail(.tripleHyphen, at: index) }
            default: break
            }
        }
        let last = text.count - 1
        if text[last] == "-" { throw fail(.trailingHyphen, at: last) }
        if text[last] == "'", !field.isFamilyName { throw fail(.trailingApostrophe, at: last) }
    }

    /// Whether a value is already in normal form (what INSi returns should be).
    public static func isNormalized(_ value: String, field: TraitField) -> Bool {
        (try? normalize(value, field: field)) == value
    }
}
