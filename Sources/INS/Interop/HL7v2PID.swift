/// The identity as an HL7 v2.5 `PID` segment (IHE PAM France profile for the INS).
public enum HL7v2PID {
    /// `PID|1||<ids>||<names>||<birth date>|<sex>|||<birth place>|…|<reliability>` with `|^~\&` delimiters.
    public static func segment(_ identity: IdentitySnapshot) -> String {
        var ids: [String] = []
        if let ins = identity.shareableINS {
            ids.append("\(ins.matricule.value)^^^\(ins.oid.hl7Namespace)&\(ins.oid.rawValue)&ISO^INS")
        }
        if let authority = identity.localAssigningAuthority {
            ids.append("\(escape(identity.localID))^^^&\(escape(authority))&ISO^PI")
        }
        var names = [
            "\(escape(identity.exchangeNom))^\(escape(identity.exchangePrenoms.first ?? ""))^\(escape(identity.exchangePrenoms.dropFirst().joined(separator: " ")))^^^^L"
        ]
        if identity.nomUtilise != nil || identity.prenomUtilise != nil {
            names.append("\(escape(identity.nomUtilise ?? ""))^\(escape(identity.prenomUtilise ?? ""))^^^^^D")
        }
        var fields = [String](repeating: "", count: 33)
        fields[0] = "PID"
        fields[1] = "1"
        fields[3] = ids.joined(separator: "~")
        fields[5] = names.joined(separator: "~")
        fields[7] = identity.traits.naissance.compact
        fields[8] = identity.traits.sexe.rawValue
        if let place = identity.traits.lieuNaissance { fields[11] = "^^^^^^BDL^^\(place.cog)" }
        let reliability = [identity.state.status.rawValue] + identity.state.attributes.sorted().map(\.hl7Code)
        fields[32] = reliability.joined(separator: "~")
        while fields.last == "" { fields.removeLast() }
        return fields.joined(separator: "|")
    }

    /// HL7 v2 escape sequences for the delimiters.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\E\\"
            case "|": out += "\\F\\"
            case "^": out += "\\S\\"
            case "~": out += "\\R\\"
            case "&": out += "\\T\\"
            default: out.append(character)
            }
        }
        return out
    }
}
