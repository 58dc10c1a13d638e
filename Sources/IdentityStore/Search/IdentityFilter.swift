import INS

/// The ways identities are looked up; each maps to one indexed condition.
enum IdentityFilter: Sendable {
    case ids([String])
    case matricule(String)
    case birthAndSex(naissance: String, sexe: String)
    case nameKeys(nom: String, prenom: String)
    /// Beginning of the nom key, and of the prénom key when not empty: both ranges on the name index, answered
    /// in name order so that the index gives the first rows without reading (or sorting) the others.
    case namePrefix(nom: String, prenom: String)
    case page(after: String?)

    func sql(limit: Int) -> (String, [SQLValue]) {
        let (condition, arguments): (String, [SQLValue]) =
            switch self {
            case .ids(let ids):
                ("id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))", ids.map(SQLValue.text))
            case .matricule(let value): ("matricule = ?", [.text(value)])
            case .birthAndSex(let naissance, let sexe): ("naissance = ? AND sexe = ?", [.text(naissance), .text(sexe)])
            case .nameKeys(let nom, let prenom): ("nom_key = ? AND prenom_key = ?", [.text(nom), .text(prenom)])
            case .namePrefix(let nom, let prenom) where prenom.isEmpty:
                ("nom_key >= ? AND nom_key < ?", Self.prefixRange(nom))
            case .namePrefix(let nom, let prenom):
                (
                    "nom_key >= ? AND nom_key < ? AND prenom_key >= ? AND prenom_key < ?",
                    Self.prefixRange(nom) + Self.prefixRange(prenom)
                )
            case .page(let after): after.map { ("id > ?", [.text($0)]) } ?? ("1 = 1", [])
            }
        let order = if case .namePrefix = self { "nom_key, prenom_key, id" } else { "id" }
        return ("\(condition) ORDER BY \(order) LIMIT \(max(0, limit))", arguments)
    }

    /// `[prefix, prefix + 1)` on an upper-case ASCII key: an index range scan in both databases, where
    /// `LIKE 'X%'` would depend on collation settings.
    static func prefixRange(_ prefix: String) -> [SQLValue] {
        [.text(prefix), .text(prefix + "\u{7F}")]
    }
}
