/// Every refusal of the module; each case says, in French, what a person can do about it.
///
/// The input is never modified whatever the case: the caller can always retry with a corrected file.
import DataMatrix
import INS

public enum INSTaggingError: PasserelleError, Equatable {
    /// The bytes do not start with a `%PDF-` header.
    case notAPDF
    /// `startxref`, the cross-reference data or an object it points to cannot be read.
    case damagedPDF(reason: String)
    /// The trailer carries `/Encrypt`: stamping would need the keys and would change the security of the file.
    case encryptedPDF
    /// The PDF uses something this module deliberately does not handle (e.g. an unknown stream filter).
    case unsupportedPDF(reason: String)
    /// A label or stamp text contains a character that Helvetica/WinAnsiEncoding cannot show. `field` is the
    /// caption of the line (never the value: traits stay out of logs).
    case unencodableCharacter(Character, field: String)
    /// The symbol and the text do not fit in the requested label or page area.
    case doesNotFit(reason: String)
    /// A request value is out of range (module size, quiet zone, offsets…).
    case invalidRequest(reason: String)
    /// The payload does not start with the INS DataMatrix header `IS01…`.
    case notAnINSPayload
    /// The DataMatrix encoder refused the payload.
    case symbolEncoding(DataMatrixError)
    /// Reading the input or writing the output failed.
    case fileSystem(reason: String)
    /// The output path is the input path: the input must never be overwritten.
    case outputIsInput

    /// Stable identifier for programs.
    public var code: String {
        switch self {
        case .notAPDF: return "tagging.not-a-pdf"
        case .damagedPDF: return "tagging.damaged-pdf"
        case .encryptedPDF: return "tagging.encrypted-pdf"
        case .unsupportedPDF: return "tagging.unsupported-pdf"
        case .unencodableCharacter: return "tagging.unencodable-character"
        case .doesNotFit: return "tagging.does-not-fit"
        case .invalidRequest: return "tagging.invalid-request"
        case .notAnINSPayload: return "tagging.not-an-ins-payload"
        case .symbolEncoding: return "tagging.symbol-encoding"
        case .fileSystem: return "tagging.file-system"
        case .outputIsInput: return "tagging.output-is-input"
        }
    }

    /// Message for people (French).
    public var userMessage: String {
        switch self {
        case .notAPDF:
            return "Le fichier fourni n'est pas un document PDF."
        case .damagedPDF:
            return "Le document PDF est endommagé ou incomplet ; il n'a pas été modifié."
        case .encryptedPDF:
            return "Le document PDF est chiffré ou protégé ; il ne peut pas recevoir le DataMatrix INS."
        case .unsupportedPDF:
            return "Ce document PDF utilise une structure non prise en charge ; il n'a pas été modifié."
        case .unencodableCharacter(let character, let field):
            return "Le caractère « \(character) » (\(field)) ne peut pas être imprimé avec les polices standard du PDF."
        case .doesNotFit:
            return "Le DataMatrix INS et les traits ne tiennent pas dans la zone demandée."
        case .invalidRequest:
            return "Les paramètres d'impression du DataMatrix INS sont invalides."
        case .notAnINSPayload:
            return "Les données à encoder ne sont pas un DataMatrix INS."
        case .symbolEncoding(let error):
            return error.userMessage
        case .fileSystem:
            return "Le fichier n'a pas pu être lu ou écrit."
        case .outputIsInput:
            return "Le fichier de sortie doit être différent du fichier d'origine, qui n'est jamais modifié."
        }
    }

    /// Detail for logs and developers (English); never contains trait values or the matricule.
    public var technicalDetail: String {
        switch self {
        case .notAPDF:
            return "Input does not start with a %PDF- header."
        case .damagedPDF(let reason):
            return "Damaged PDF: \(reason)."
        case .encryptedPDF:
            return "The trailer has an /Encrypt entry; encrypted PDFs are refused."
        case .unsupportedPDF(let reason):
            return "Unsupported PDF feature: \(reason)."
        case .unencodableCharacter(let character, let field):
            let scalars = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
            return "Character \(scalars.joined(separator: " ")) in line \"\(field)\" is not in WinAnsiEncoding."
        case .doesNotFit(let reason):
            return "Layout does not fit: \(reason)."
        case .invalidRequest(let reason):
            return "Invalid request: \(reason)."
        case .notAnINSPayload:
            return "Payload does not start with the INS header \"IS01\"."
        case .symbolEncoding(let error):
            return "DataMatrix encoding failed: \(error.technicalDetail)."
        case .fileSystem(let reason):
            return "File system error: \(reason)."
        case .outputIsInput:
            return "Output path resolves to the input path; refusing to overwrite the input."
        }
    }
}
