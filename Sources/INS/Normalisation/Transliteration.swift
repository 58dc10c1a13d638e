/// Maps one typed character to the INSi alphabet (`A`–`Z`, space, `'`, `-`), or says why it cannot be.
///
/// Latin letters with diacritics are recognised from their Unicode names ("LATIN SMALL LETTER E WITH ACUTE"
/// → E), which covers every such letter without a hand-kept table that would miss some; combining marks of a
/// decomposed input are dropped with their base. The letters whose names are not "X WITH …" (ligatures, ß,
/// Ø's cousins, eth, thorn…) are listed explicitly.
enum Transliteration {
    enum Outcome: Equatable {
        case mapped(String)
        case rejected(LexicalError.Reason)
    }

    static func map(_ character: Character) -> Outcome {
        let scalars = Array(character.unicodeScalars)
        guard let base = scalars.first else { return .rejected(.characterNotAllowed) }
        // A base followed by combining marks only (decomposed input): keep the base.
        let marks = scalars.dropFirst()
        guard marks.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) else {
            return .rejected(.characterNotAllowed)
        }
        if !marks.isEmpty, !isLatinLetter(base) { return .rejected(.characterNotAllowed) }
        return map(scalar: base)
    }

    private static func map(scalar: Unicode.Scalar) -> Outcome {
        switch scalar.value {
        case 0x41...0x5A: return .mapped(String(scalar))
        case 0x61...0x7A: return .mapped(String(scalar).uppercased())
        case 0x30...0x39: return .rejected(.digit)
        case 0x20, 0xA0, 0x2007, 0x202F, 0x2009, 0x2002, 0x2003: return .mapped(" ")
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x2032, 0x00B4, 0x0060: return .mapped("'")
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xFE63, 0xFF0D: return .mapped("-")
        default: break
        }
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
            return .rejected(.controlCharacter)
        }
        if scalar.properties.numericType != nil { return .rejected(.digit) }
        if let special = specialLetters[scalar.value] { return .mapped(special) }
        if let letter = baseLetter(of: scalar) { return .mapped(letter) }
        return .rejected(.characterNotAllowed)
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        if case .mapped(let text) = map(scalar: scalar) { return text.allSatisfy { $0.isLetter } }
        return false
    }

    /// "LATIN CAPITAL LETTER E WITH ACUTE" → "E"; also "LATIN LETTER SMALL CAPITAL X".
    private static func baseLetter(of scalar: Unicode.Scalar) -> String? {
        guard let name = scalar.properties.name else { return nil }
        let prefixes = ["LATIN CAPITAL LETTER ", "LATIN SMALL LETTER ", "LATIN LETTER SMALL CAPITAL "]
        guard let prefix = prefixes.first(where: name.hasPrefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        let letter = rest.prefix { $0 != " " }
        let remainder = rest.dropFirst(letter.count)
        guard letter.count == 1, let first = letter.first, first.isASCII, first.isLetter,
            remainder.isEmpty || remainder.hasPrefix(" WITH ")
        else { return nil }
        return String(letter)
    }

    /// Latin letters whose Unicode names do not follow "X WITH …".
    private static let specialLetters: [UInt32: String] = [
        0x00C6: "AE", 0x00E6: "AE",  // Æ æ
        0x0152: "OE", 0x0153: "OE",  // Œ œ
        0x00DF: "SS", 0x1E9E: "SS",  // ß ẞ
        0x00D0: "D", 0x00F0: "D",  // Ð ð
        0x00DE: "TH", 0x00FE: "TH",  // Þ þ
        0x0131: "I",  // ı
        0x0132: "IJ", 0x0133: "IJ",  // Ĳ ĳ
        0x0138: "K",  // ĸ
        0x014A: "N", 0x014B: "N",  // Ŋ ŋ
        0x017F: "S",  // ſ
        0x0149: "'N",  // ŉ
        0xFB00: "FF", 0xFB01: "FI", 0xFB02: "FL", 0xFB03: "FFI", 0xFB04: "FFL", 0xFB05: "ST", 0xFB06: "ST",
    ]
}
