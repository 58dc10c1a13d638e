/// A piece of one printed line in one font, already WinAnsi-encoded.
struct TextRun: Equatable, Sendable {
    let font: StandardFont
    let bytes: [UInt8]
}

/// One printed line: runs drawn one after the other from `indent`.
struct TextLine: Equatable, Sendable {
    var indent: Double
    var runs: [TextRun]

    func width(fontSize: Double) -> Double {
        indent + runs.reduce(0) { $0 + $1.font.width(of: $1.bytes, size: fontSize) }
    }
}
