import ArgumentParser
import DataMatrix
import INS
import INSTagging

struct INSLabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ins",
        abstract: "Print the INS DataMatrix of a qualified identity: label.pdf, .svg, .png or .txt (from --out)."
    )

    @Option(name: .long, help: "Matricule INS (15 characters).")
    var matricule: String

    @Option(name: .long, help: "OID of the matricule.")
    var oid: String

    @OptionGroup var traits: TraitsOptions

    @Option(name: .customLong("module-mm"), help: "Module size in millimetres.")
    var moduleMM = INSLabelDefaults.moduleSizeMM

    @Option(name: .customLong("quiet-zone"), help: "Quiet zone in modules (at least 1).")
    var quietZone = 2

    @Flag(name: .customLong("whole-c40"), help: "Encode the whole payload in C40 (default: the header only).")
    var wholeC40 = false

    @Option(name: .long, help: "Output file: .pdf (label with « INS à scanner » and the traits), .svg, .png or .txt.")
    var out: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard SymbolFormat(path: out) != nil else {
            throw ValidationError("--out must end in .pdf, .svg, .png or .txt")
        }
        guard quietZone >= 1 else { throw ValidationError("--quiet-zone must be at least 1 for an INS DataMatrix") }
    }

    func run() throws {
        do {
            let payload = try build(matricule: matricule, oid: oid, traits: traits)
            let format = SymbolFormat(path: out) ?? .pdf
            let bytes: [UInt8]
            if format == .pdf {
                var request = INSLabelRequest(payload: payload)
                request.moduleSizeMM = moduleMM
                request.quietZoneModules = quietZone
                bytes = try erasing { () throws(INSTaggingError) in try INSLabelPDF.make(request) }
            } else {
                let options = DataMatrixOptions(
                    encodation: wholeC40 ? .wholeMessageC40 : .forcedC40Prefix(INSDataMatrixPayload.header.count),
                    quietZone: quietZone)
                let symbol = try erasing { () throws(DataMatrixError) in
                    try DataMatrixEncoder.encode(payload.bytes, options: options)
                }
                bytes = try format.render(symbol, moduleSizeMM: moduleMM, pngScale: 4)
            }
            try writeOutput(bytes, to: out)
            Output.printError("DataMatrix INS écrit dans \(out)")
        } catch {
            throw report(error, json: global.json)
        }
    }
}
