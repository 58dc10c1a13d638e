/// Writes a complete single-revision PDF with a classic cross-reference table (used for labels).
struct PDFFileBuilder {
    private var bodies: [PDFIndirectBody] = []

    /// Reserves the next object number, so that objects can refer to each other before being written.
    mutating func reserve() -> PDFReference {
        bodies.append(.object(.null))
        return PDFReference(number: bodies.count, generation: 0)
    }

    mutating func set(_ reference: PDFReference, _ body: PDFIndirectBody) {
        bodies[reference.number - 1] = body
    }

    mutating func add(_ body: PDFIndirectBody) -> PDFReference {
        bodies.append(body)
        return PDFReference(number: bodies.count, generation: 0)
    }

    func build(root: PDFReference, info: PDFReference) -> [UInt8] {
        // The comment line of four high bytes tells transfer tools the file is binary (ISO 32000-1 §7.5.2).
        var output = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + [0x0A]
        var offsets: [Int] = []
        for (index, body) in bodies.enumerated() {
            offsets.append(output.count)
            body.append(PDFReference(number: index + 1, generation: 0), to: &output)
        }
        let identifier = FileIdentifier.make(from: [output])
        let xrefOffset = output.count
        output += Array("xref\n0 \(bodies.count + 1)\n0000000000 65535 f\r\n".utf8)
        for offset in offsets {
            output += Array(CrossReferenceTableWriter.entry(offset: offset, generation: 0).utf8)
        }
        let trailer = PDFDictionary([
            ("Size", .integer(bodies.count + 1)),
            ("Root", .reference(root)),
            ("Info", .reference(info)),
            ("ID", .array([.string(identifier), .string(identifier)])),
        ])
        output += Array("trailer\n".utf8)
        PDFSerializer.appendDictionary(trailer, to: &output)
        output += Array("\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return output
    }
}
