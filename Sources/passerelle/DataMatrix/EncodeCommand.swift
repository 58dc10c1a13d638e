import ArgumentParser
import DataMatrix
import INS
import INSTagging

struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode text as an ECC 200 DataMatrix (smallest square symbol by default)."
    )

    @Option(name: .long, help: "Text to encode (ASCII/Latin-1). A literal <GS> stands for the 0x1D separator.")
    var text: String

    @Option(name: .customLong("c40-prefix"), help: "Encode the first N characters in C40 (rounded up to a triplet).")
    var c40Prefix: Int?

    @Flag(name: .customLong("c40"), help: "Encode the whole message in C40.")
    var wholeC40 = false

    @Flag(name: .long, help: "Allow rectangular symbols (never DMRE).")
    var rectangular = false

    @Option(name: .customLong("quiet-zone"), help: "Quiet zone in modules (default 2; at least 1 is advised).")
    var quietZone = 2

    @Option(name: .long, help: "svg, png, pdf or txt (default: from the --out extension, else txt).")
    var format: String?

    @Option(name: .customLong("module-mm"), help: "Module size in millimetres for svg and pdf.")
    var moduleMM = INSLabelDefaults.moduleSizeMM

    @Option(name: .long, help: "Pixels per module for png.")
    var scale = 4

    @Option(name: .long, help: "Output file, or - for standard output.")
    var out = "-"

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if c40Prefix != nil && wholeC40 { throw ValidationError("--c40-prefix and --c40 are exclusive") }
        if let format, SymbolFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of svg, png, pdf, txt")
        }
    }

    func run() throws {
        let chosen = format.flatMap(SymbolFormat.init(rawValue:)) ?? SymbolFormat(path: out) ?? .txt
        var options = DataMatrixOptions(shape: rectangular ? .rectangularAllowed : .square, quietZone: quietZone)
        if let c40Prefix { options.encodation = .forcedC40Prefix(c40Prefix) }
        if wholeC40 { options.encodation = .wholeMessageC40 }
        let message = text.replacingGSMarkers()
        do {
            let symbol = try erasing { () throws(DataMatrixError) in
                try DataMatrixEncoder.encode(message, options: options)
            }
            try writeOutput(try chosen.render(symbol, moduleSizeMM: moduleMM, pngScale: scale), to: out)
            if out != "-" {
                Output.printError("\(symbol.sizeName), \(symbol.dataCodewords.count) mots de code de données → \(out)")
            }
        } catch {
            throw report(error, json: global.json)
        }
    }
}

enum INSLabelDefaults {
    /// 4 dots of a 300-dpi printer.
    static let moduleSizeMM = 4 * 25.4 / 300
}

extension String {
    /// `<GS>` typed on a keyboard stands for the group separator 0x1D.
    func replacingGSMarkers() -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: "<GS>", options: .caseInsensitive) {
            result += rest[..<range.lowerBound]
            result += "\u{1D}"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
