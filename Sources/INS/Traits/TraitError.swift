/// A trait that cannot be a trait INS at all (as opposed to a lexical problem, see `LexicalError`).
public enum TraitError: PasserelleError, Equatable {
    case invalidSexe(String)
    case unparsableDate(String)
    case impossibleDate(year: Int, month: Int?, day: Int?)
    case invalidCOG(String)
    case lexical(LexicalError)

    public var code: String {
        switch self {
        case .invalidSexe: "traits.sexe"
        case .unparsableDate: "traits.date-format"
        case .impossibleDate: "traits.date-impossible"
        case .invalidCOG: "traits.cog"
        case .lexical(let error): error.code
        }
    }

    public var userMessage: String {
        switch self {
        case .invalidSexe(let text): "Le sexe « \(text) » n'est pas reconnu : indiquez M ou F."
        case .unparsableDate(let text):
            "La date de naissance « \(text) » n'est pas lisible : attendu AAAA-MM-JJ (00 pour un jour ou un mois inconnu)."
        case .impossibleDate(let year, let month, let day):
            "La date de naissance \(day.map(BirthDate.pad) ?? "??")/\(month.map(BirthDate.pad) ?? "??")/\(year) n'existe pas."
        case .invalidCOG(let text):
            "Le code COG du lieu de naissance « \(text) » est invalide : 5 caractères attendus (ex. 75056, 2A004, 99134)."
        case .lexical(let error): error.userMessage
        }
    }

    public var technicalDetail: String {
        switch self {
        case .invalidSexe(let text): "sexe must be M or F, got \(text.debugDescription)"
        case .unparsableDate(let text): "birth date \(text.debugDescription) is not YYYY-MM-DD"
        case .impossibleDate(let year, let month, let day):
            "no such calendar date: year \(year), month \(month.map(String.init) ?? "unknown"), day \(day.map(String.init) ?? "unknown")"
        case .invalidCOG(let text): "COG code \(text.debugDescription) is not 5 characters ([0-9]{5} or 2[AB][0-9]{3})"
        case .lexical(let error): error.technicalDetail
        }
    }
}
