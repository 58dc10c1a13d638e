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
}
