/// Why a symbol could not be produced or rendered. `userMessage` is shown to people (French);
/// `technicalDetail` goes to logs and API problem documents (English).
public enum DataMatrixError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message needs more data codewords than the largest allowed symbol holds.
    case messageTooLong(byteCount: Int, requiredCodewords: Int, largestCapacity: Int, largestSize: String)
    /// A negative quiet zone was asked for.
    case invalidQuietZone(Int)
    /// A negative C40 prefix length was asked for.
    case invalidC40PrefixLength(Int)
    /// `minimumSize` is rectangular while only square symbols are allowed.
    case minimumSizeNotAllowed(String)
    /// A renderer parameter (scale, module size …) is out of range.
    case invalidRenderingParameter(name: String, value: String)
    /// A string given to the `String` convenience contains a character outside ISO-8859-1.
    case characterNotEncodable(character: String, offset: Int)
    /// The encoder contradicted its own plan. A defect, reported instead of producing a wrong symbol.
    case internalInconsistency(String)

    public var userMessage: String {
        switch self {
        case .messageTooLong(let count, _, _, let size):
            return "Le message (\(count) octets) est trop long pour un DataMatrix \(size) : raccourcissez-le."
        case .invalidQuietZone(let value):
            return "La marge blanche du DataMatrix doit être positive ou nulle (reçu : \(value))."
        case .invalidC40PrefixLength(let value):
            return "La longueur de l’en-tête à coder en C40 doit être positive ou nulle (reçu : \(value))."
        case .minimumSizeNotAllowed(let size):
            return "La taille minimale \(size) est rectangulaire alors que seuls les symboles carrés sont permis."
        case .invalidRenderingParameter(let name, let value):
            return "Paramètre de rendu du DataMatrix invalide : \(name) = \(value)."
        case .characterNotEncodable(let character, let offset):
            return "Le caractère « \(character) » (position \(offset + 1)) ne peut pas être codé dans un DataMatrix."
        case .internalInconsistency:
            return "Erreur interne lors de la génération du DataMatrix."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .messageTooLong(let count, let required, let capacity, let size):
            return "message of \(count) bytes needs \(required) data codewords; \(size) holds \(capacity)"
        case .invalidQuietZone(let value):
            return "quiet zone must be >= 0 modules, got \(value)"
        case .invalidC40PrefixLength(let value):
            return "forced C40 prefix length must be >= 0, got \(value)"
        case .minimumSizeNotAllowed(let size):
            return "minimum size \(size) is rectangular but shape is .square"
        case .invalidRenderingParameter(let name, let value):
            return "invalid rendering parameter \(name)=\(value)"
        case .characterNotEncodable(let character, let offset):
            let scalars = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
            return "character \(scalars.joined(separator: " ")) at offset \(offset) is outside ISO-8859-1"
        case .internalInconsistency(let detail):
            return "DataMatrix encoder inconsistency: \(detail)"
        }
    }

    public var description: String { technicalDetail }
}
