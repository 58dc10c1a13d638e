import DataMatrix
import INS

/// `DataMatrix` knows nothing of Passerelle; this is where its errors join the common error shape (French
/// message, English detail, stable code) used by the CLI and the API.
extension DataMatrixError: PasserelleError {
    public var code: String {
        switch self {
        case .messageTooLong: "datamatrix.message-too-long"
        case .invalidQuietZone: "datamatrix.quiet-zone"
        case .invalidC40PrefixLength: "datamatrix.c40-prefix"
        case .minimumSizeNotAllowed: "datamatrix.minimum-size"
        case .invalidRenderingParameter: "datamatrix.rendering-parameter"
        case .characterNotEncodable: "datamatrix.character"
        case .internalInconsistency: "datamatrix.internal"
        }
    }
}
