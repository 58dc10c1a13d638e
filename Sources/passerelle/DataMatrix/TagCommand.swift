import ArgumentParser
import INS
import INSTagging

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract:
            "Stamp page 1 of a PDF with the INS DataMatrix, « INS à scanner » and the traits (incremental update)."
    )

    @Option(name: .long, help: "PDF to tag (never modified).")
    var `in`: String

    @Option(name: .long, help: "Tagged PDF to write (must differ from --in).")
    var out: String

    @Option(name: .long, help: "Matricule INS (15 characters).")
    var matricule: String

    @Option(name: .long, help: "OID of the matricule.")
    var oid: String

    @OptionGroup var traits: TraitsOptions

    @Option(name: .long, help: "Corner of page 1: top-left, top-right, bottom-left, bottom-right.")
    var corner = "top-right"

    @Option(name: .customLong("x-mm"), help: "Horizontal distance from the corner, in millimetres.")
    var xMM = 10.0

    @Option(name: .customLong("y-mm"), help: "Vertical distance from the corner, in millimetres.")
    var yMM = 10.0

    @Option(name: .customLong("module-mm"), help: "Module size in millimetres.")
    var moduleMM = INSLabelDefaults.moduleSizeMM

    @OptionGroup var global: GlobalOptions

    static let corners: [String: StampRequest.Corner] = [
        "top-left": .topLeft, "top-right": .topRight, "bottom-left": .bottomLeft, "bottom-right": .bottomRight,
    ]

    func validate() throws {
        guard Self.corners[corner] != nil else {
            throw ValidationError("--corner must be top-left, top-right, bottom-left or bottom-right")
        }
    }

    func run() throws {
        do {
            let payload = try build(matricule: matricule, oid: oid, traits: traits)
            var request = StampRequest(payload: payload, corner: Self.corners[corner] ?? .topRight)
            request.horizontalOffsetMM = xMM
            request.verticalOffsetMM = yMM
            request.moduleSizeMM = moduleMM
            try erasing { () throws(INSTaggingError) in
                try INSTaggingFiles.stampFirstPage(inputPath: `in`, outputPath: out, with: request)
            }
            Output.printError("Page 1 marquée : \(out)")
        } catch {
            throw report(error, json: global.json)
        }
    }
}
