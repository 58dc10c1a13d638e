import INS

/// The compact form of a name the search and the duplicate detector compare: the INSi normal form with
/// spaces, hyphens and apostrophes removed, so spelling variants of separators meet.
enum NameKey {
    static func make(_ normalized: String) -> String {
        String(normalized.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "'" })
    }

    /// Best-effort key of free text typed in a search box: the lexical normaliser when it accepts the text,
    /// letters only otherwise (a search must not refuse what a record could not contain anyway).
    static func fromTyped(_ text: String, field: TraitField = .nomNaissance) -> String {
        if let normalized = try? LexicalNormalizer.normalize(text, field: field) { return make(normalized) }
        return String(text.uppercased().unicodeScalars.filter { ("A"..."Z").contains($0) })
    }
}
