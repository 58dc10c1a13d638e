import ArgumentParser

struct DataMatrixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datamatrix",
        abstract: "ECC 200 DataMatrix: encode any text, print an INS label, stamp page 1 of a PDF.",
        subcommands: [EncodeCommand.self, INSLabelCommand.self, TagCommand.self]
    )
}
