/// Answers a search the way the test environment does: CR 00 for exactly one matching identity, 01 for none,
/// 02 for several. A sent prénom matches one birth given name, a leading run of them, or the whole list.
struct PersonaDirectory: Sendable {
    let personas: Persona

    enum Answer: Sendable {
        case found(Persona.Identity)
        case notFound
        case multiple
    }

    func search(nom: String, prenom: String, sexe: String, date: String, lieu: String?) -> Answer {
        let matches = personas.identities.filter { identity in
            identity.nomNaissance == nom && identity.sexe == sexe && identity.dateNaissance == date
                && Self.prenomMatches(prenom, list: identity.prenoms)
                && (lieu == nil || lieu == identity.lieuNaissance)
        }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(matches[0])
        default: return .multiple
        }
    }

    func search(matriculeOD: String, date: String) -> Answer {
        let matches = personas.identities.filter {
            $0.vitaleMatriculeOD == matriculeOD && $0.dateNaissance == date
        }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(matches[0])
        default: return .multiple
        }
    }

    static func prenomMatches(_ sent: String, list: String) -> Bool {
        let names = list.split(separator: " ").map(String.init)
        let wanted = sent.split(separator: " ").map(String.init)
        guard !wanted.isEmpty else { return false }
        if wanted.count == 1 { return names.contains(wanted[0]) }
        return Array(names.prefix(wanted.count)) == wanted
    }
}
