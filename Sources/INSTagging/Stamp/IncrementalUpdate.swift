/// Appends objects to a PDF as one incremental update (ISO 32000-1 §7.5.6): the original bytes stay an exact
/// prefix, and the new cross-reference section has the same kind as the newest one already there.
struct IncrementalUpdate {
    let original: [UInt8]
    let crossReference: CrossReference
    private(set) var nextNumber: Int
    private var bodies: [(PDFReference, PDFIndirectBody)] = []

    init(original: [UInt8], crossReference: CrossReference) {
        self.original = original
        self.crossReference = crossReference
        self.nextNumber = max(crossReference.size, 1)
    }

    mutating func add(_ body: PDFIndirectBody) -> PDFReference {
        let reference = PDFReference(number: nextNumber, generation: 0)
        nextNumber += 1
        bodies.append((reference, body))
        return reference
    }

    /// A new version of an existing object, under its number and generation.
    mutating func replace(_ reference: PDFReference, with body: PDFIndirectBody) {
        bodies.append((reference, body))
    }

    func build() -> [UInt8] {
        var appended: [UInt8] = []
        if let last = original.last, last != 0x0A, last != 0x0D {
            appended.append(0x0A)
        }
        var offsets: [(reference: PDFReference, offset: Int)] = []
        for (reference, body) in bodies {
            offsets.append((reference, original.count + appended.count))
            body.append(reference, to: &appended)
        }
        let identifier = FileIdentifier.make(from: [Array(String(original.count).utf8), appended])
        let xrefOffset = original.count + appended.count
        switch crossReference.newestKind {
        case .table:
            appended += CrossReferenceTableWriter.table(offsets)
            appended += Array("trailer\n".utf8)
            PDFSerializer.appendDictionary(trailer(identifier: identifier, size: nextNumber), to: &appended)
            appended += Array("\n".utf8)
        case .stream:
            let streamReference = PDFReference(number: nextNumber, generation: 0)
            let rows = offsets + [(streamReference, xrefOffset)]
            var dictionary = trailer(identifier: identifier, size: nextNumber + 1)
            let encoded = CrossReferenceStreamWriter.encode(rows)
            dictionary["Type"] = .name("XRef")
            dictionary["W"] = .array(encoded.widths.map { .integer($0) })
            dictionary["Index"] = .array(encoded.index.map { .integer($0) })
            PDFIndirectBody.stream(dictionary, encoded.data).append(streamReference, to: &appended)
        }
        appended += Array("startxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return original + appended
    }

    /// The newest trailer's entries carried over (Root, Info…), with our /Size, /Prev and a new second /ID.
    private func trailer(identifier: [UInt8], size: Int) -> PDFDictionary {
        let dropped: Set<PDFName> = [
            "Size", "Prev", "ID", "XRefStm", "Type", "W", "Index", "Length", "Filter", "DecodeParms", "F", "FFilter",
            "FDecodeParms", "DL",
        ]
        var result = PDFDictionary()
        result["Size"] = .integer(size)
        for (key, value) in crossReference.trailer.entries where !dropped.contains(key) {
            result[key] = value
        }
        result["Prev"] = .integer(crossReference.startxref)
        // The first identifier is permanent; the second changes with every revision (ISO 32000-1 §14.4).
        var first = identifier
        if case .array(let items)? = crossReference.trailer["ID"], items.count == 2,
            case .string(let permanent) = items[0]
        {
            first = permanent
        }
        result["ID"] = .array([.string(first), .string(identifier)])
        return result
    }
}
