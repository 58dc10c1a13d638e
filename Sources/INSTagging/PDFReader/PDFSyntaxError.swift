/// A low-level reading failure; the public API turns it into `INSTaggingError.damagedPDF`.
struct PDFSyntaxError: Error, Sendable {
    let message: String
    let offset: Int

    var asTaggingError: INSTaggingError {
        .damagedPDF(reason: "\(message) at byte \(offset)")
    }
}
