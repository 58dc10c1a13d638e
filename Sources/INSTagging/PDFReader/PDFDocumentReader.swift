/// Random access to the objects of a PDF through its cross-reference data. Read-only: it never changes `bytes`.
final class PDFDocumentReader {
    let bytes: [UInt8]
    let crossReference: CrossReference
    private var objectStreams: [Int: ObjectStream] = [:]
    private var inProgress = Set<Int>()

    init(bytes: [UInt8]) throws(INSTaggingError) {
        guard Self.hasHeader(bytes) else {
            throw .notAPDF
        }
        self.bytes = bytes
        let crossReference = try CrossReferenceReader(bytes: bytes).read()
        if crossReference.isEncrypted {
            throw .encryptedPDF
        }
        self.crossReference = crossReference
    }

    private static func hasHeader(_ bytes: [UInt8]) -> Bool {
        let header = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        guard window.count >= header.count else { return false }
        for start in 0...(window.count - header.count)
        where window[start..<(start + header.count)].elementsEqual(header) {
            return true
        }
        return false
    }

    /// The object a reference points to; free or unknown objects are the null object (ISO 32000-1 §7.3.10).
    func object(_ reference: PDFReference) throws(INSTaggingError) -> PDFObject {
        guard let entry = crossReference.entries[reference.number] else { return .null }
        guard inProgress.count < 32, inProgress.insert(reference.number).inserted else {
            throw .damagedPDF(reason: "object \(reference.number) is reached through a loop or too deep a chain")
        }
        defer { inProgress.remove(reference.number) }
        switch entry {
        case .free:
            return .null
        case .uncompressed(let offset, _):
            do {
                return try PDFIndirectObjectParser(bytes: bytes).parse(at: offset, expecting: reference) { length in
                    guard let value = try? self.object(length) else { return nil }
                    return value.integerValue
                }.object
            } catch {
                throw error.asTaggingError
            }
        case .compressed(let streamNumber, let index):
            return try objectStream(streamNumber).object(number: reference.number, index: index)
        }
    }

    /// Follows a reference (chains included) to a direct object.
    func resolve(_ object: PDFObject?) throws(INSTaggingError) -> PDFObject {
        var current = object ?? .null
        var hops = 0
        while case .reference(let reference) = current {
            hops += 1
            guard hops < 32 else {
                throw .damagedPDF(reason: "reference chain too long at \(reference)")
            }
            current = try self.object(reference)
        }
        return current
    }

    func resolveDictionary(_ object: PDFObject?) throws(INSTaggingError) -> PDFDictionary? {
        try resolve(object).dictionaryValue
    }

    private func objectStream(_ number: Int) throws(INSTaggingError) -> ObjectStream {
        if let cached = objectStreams[number] {
            return cached
        }
        guard case .uncompressed = crossReference.entries[number] else {
            throw .damagedPDF(reason: "object stream \(number) is not a plain object")
        }
        guard case .stream(let stream) = try object(PDFReference(number: number, generation: 0)) else {
            throw .damagedPDF(reason: "object stream \(number) is not a stream")
        }
        let parsed = try ObjectStream(stream)
        objectStreams[number] = parsed
        return parsed
    }
}
