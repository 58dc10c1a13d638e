import Hummingbird
import INS
import IdentityStore

/// The query string of `GET /api/v1/identities`: exactly one of `matricule`, `q` (beginning of the nom de
/// naissance, optionally followed by the beginning of the first prénom) or the traits (`nomNaissance`, `prenoms`,
/// `sexe`, `naissance`, optional `lieuNaissance`); `limit` 1…200 (50 by default).
struct IdentityQuery {
    let search: IdentitySearch
    let limit: Int

    init(_ parameters: Parameters) throws(APIError) {
        func value(_ name: String) -> String? {
            parameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
        }
        if let text = value("limit") {
            guard let number = Int(text), (1...200).contains(number) else {
                throw .invalidParameter(name: "limit", reason: "entier de 1 à 200 attendu")
            }
            limit = number
        } else {
            limit = 50
        }
        let traitNames = ["nomNaissance", "prenoms", "sexe", "naissance"]
        let givenTraits = traitNames.filter { value($0) != nil }
        let modes = [value("matricule") != nil, value("q") != nil, !givenTraits.isEmpty].filter { $0 }.count
        guard modes == 1 else {
            throw .invalidParameter(name: "q", reason: "un seul critère : matricule, q, ou les traits")
        }
        if let matricule = value("matricule") {
            search = .matricule(matricule)
        } else if let name = value("q") {
            search = .name(name)
        } else {
            guard givenTraits.count == traitNames.count else {
                let missing = traitNames.filter { value($0) == nil }.joined(separator: ", ")
                throw .invalidParameter(name: missing, reason: "les quatre traits sont requis")
            }
            do {
                search = .traits(
                    try Traits(
                        nomNaissance: value("nomNaissance") ?? "", prenoms: value("prenoms") ?? "",
                        sexe: value("sexe") ?? "", naissance: value("naissance") ?? "",
                        lieuNaissance: value("lieuNaissance")))
            } catch {
                throw .invalidParameter(name: "traits", reason: error.userMessage)
            }
        }
    }
}
