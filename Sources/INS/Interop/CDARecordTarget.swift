/// The identity as a CDA R2 `recordTarget` fragment (CI-SIS rules for the INS).
public enum CDARecordTarget {
    public static func xml(_ identity: IdentitySnapshot) -> String {
        var lines = ["<recordTarget>", "  <patientRole>"]
        if let ins = identity.shareableINS {
            lines.append("    <id root=\"\(ins.oid.rawValue)\" extension=\"\(ins.matricule.value)\"/>")
        }
        if let authority = identity.localAssigningAuthority {
            lines.append("    <id root=\"\(escape(authority))\" extension=\"\(escape(identity.localID))\"/>")
        }
        lines.append("    <patient>")
        lines.append("      <name>")
        lines.append("        <family qualifier=\"BR\">\(escape(identity.exchangeNom))</family>")
        if let nom = identity.nomUtilise { lines.append("        <family qualifier=\"CL\">\(escape(nom))</family>") }
        lines.append("        <given>\(escape(identity.exchangePrenoms.joined(separator: " ")))</given>")
        if let first = identity.exchangePrenoms.first {
            lines.append("        <given qualifier=\"BR\">\(escape(first))</given>")
        }
        if let prenom = identity.prenomUtilise {
            lines.append("        <given qualifier=\"CL\">\(escape(prenom))</given>")
        }
        lines.append("      </name>")
        lines.append(
            "      <administrativeGenderCode code=\"\(identity.traits.sexe.rawValue)\" codeSystem=\"2.16.840.1.113883.5.1\"/>"
        )
        lines.append("      <birthTime value=\"\(identity.traits.naissance.compact)\"/>")
        if let place = identity.traits.lieuNaissance {
            lines += [
                "      <birthplace>", "        <place>", "          <addr>",
                "            <county>\(place.cog)</county>", "          </addr>", "        </place>",
                "      </birthplace>",
            ]
        }
        lines += ["    </patient>", "  </patientRole>", "</recordTarget>"]
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
