/// One trait printed in clear next to the symbol: « caption : value ».
public struct LabelLine: Sendable, Equatable {
    public var caption: String
    public var value: String

    public init(caption: String, value: String) {
        self.caption = caption
        self.value = value
    }
}

extension LabelLine {
    public static func nomDeNaissance(_ value: String) -> LabelLine {
        LabelLine(caption: "Nom de naissance", value: value)
    }

    public static func prenoms(_ value: String) -> LabelLine {
        LabelLine(caption: "Prénom(s)", value: value)
    }

    public static func sexe(_ value: String) -> LabelLine {
        LabelLine(caption: "Sexe", value: value)
    }

    /// - Parameter value: already formatted by the caller, e.g. `14/03/1985`.
    public static func dateDeNaissance(_ value: String) -> LabelLine {
        LabelLine(caption: "Né(e) le", value: value)
    }

    public static func lieuDeNaissance(cog: String) -> LabelLine {
        LabelLine(caption: "Lieu de naissance (COG)", value: cog)
    }

    /// The matricule grouped as printed on a carte Vitale (1 2 2 2 3 3 + key 2) when it has 15 digits or letters.
    /// - Parameter kind: `NIR` or `NIA` (from the OID) — shown in the caption.
    public static func matricule(_ matricule: String, kind: String) -> LabelLine {
        LabelLine(caption: "INS (\(kind))", value: groupedMatricule(matricule))
    }

    static func groupedMatricule(_ matricule: String) -> String {
        let characters = Array(matricule)
        guard characters.count == 15 else { return matricule }
        var groups: [String] = []
        var start = 0
        for length in [1, 2, 2, 2, 3, 3, 2] {
            groups.append(String(characters[start..<(start + length)]))
            start += length
        }
        return groups.joined(separator: " ")
    }
}
