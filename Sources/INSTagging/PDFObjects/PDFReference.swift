/// An indirect reference `n g R`.
struct PDFReference: Hashable, Sendable, CustomStringConvertible {
    let number: Int
    let generation: Int

    var description: String {
        "\(number) \(generation) R"
    }
}
