import DataMatrix
import Foundation
import INS
import INSTagging

/// The file formats a symbol can be written in, chosen by flag or by the output file's extension.
enum SymbolFormat: String, CaseIterable {
    case svg, png, pdf, txt

    init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        self.init(rawValue: ext)
    }

    /// The bytes of `symbol` in this format.
    func render(_ symbol: DataMatrixSymbol, moduleSizeMM: Double, pngScale: Int) throws(AnyPasserelleError) -> [UInt8] {
        switch self {
        case .svg:
            return try erasing { () throws(DataMatrixError) in
                Array(try SVGRenderer.render(symbol, moduleSizeMillimetres: moduleSizeMM).utf8)
            }
        case .png:
            return try erasing { () throws(DataMatrixError) in try PNGRenderer.render(symbol, scale: pngScale) }
        case .txt:
            return Array(TerminalRenderer.render(symbol).utf8)
        case .pdf:
            return try erasing { () throws(INSTaggingError) in try SymbolPDF.make(symbol, moduleSizeMM: moduleSizeMM) }
        }
    }
}

/// Writes to a file atomically, or to standard output for `-`.
func writeOutput(_ bytes: [UInt8], to path: String) throws(AnyPasserelleError) {
    if path == "-" {
        FileHandle.standardOutput.write(Data(bytes))
        return
    }
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw AnyPasserelleError(OutputFileError(path: path, reason: "\(error)"))
    }
}

struct OutputFileError: PasserelleError {
    let path: String
    let reason: String
    var code: String { "output.write" }
    var userMessage: String { "Impossible d'écrire le fichier « \(path) »." }
    var technicalDetail: String { "writing \(path) failed: \(reason)" }
}
