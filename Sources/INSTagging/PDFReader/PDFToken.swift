/// Lexical tokens of ISO 32000-1 §7.2–7.3.
enum PDFToken: Equatable, Sendable {
    case integer(Int)
    case real(String)
    case string([UInt8])
    case name(PDFName)
    /// A run of regular characters that is not a number: `obj`, `R`, `true`, `stream`, `xref`…
    case keyword([UInt8])
    case arrayOpen
    case arrayClose
    case dictionaryOpen
    case dictionaryClose

    func isKeyword(_ text: String) -> Bool {
        if case .keyword(let bytes) = self { return bytes.elementsEqual(text.utf8) }
        return false
    }
}
