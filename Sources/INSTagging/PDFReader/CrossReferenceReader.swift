/// Follows `startxref` and the `/Prev` chain through classic tables, cross-reference streams and hybrid files.
/// Anything it cannot follow is reported as damage; it never tries to rebuild a broken file.
struct CrossReferenceReader {
    static let maximumSections = 4096
    let bytes: [UInt8]

    func read() throws(INSTaggingError) -> CrossReference {
        var result = CrossReference()
        result.startxref = try lastStartxref()
        var pending: Int? = result.startxref
        var visited = Set<Int>()
        var isNewest = true
        while let offset = pending {
            guard visited.insert(offset).inserted, visited.count <= Self.maximumSections else {
                throw .damagedPDF(reason: "cross-reference /Prev chain loops at offset \(offset)")
            }
            let trailer = try readSection(at: offset, into: &result)
            if isNewest {
                result.trailer = trailer.dictionary
                result.newestKind = trailer.kind
            }
            if trailer.dictionary["Encrypt"] != nil {
                result.isEncrypted = true
            }
            if let size = trailer.dictionary["Size"]?.integerValue {
                result.size = max(result.size, size)
            }
            isNewest = false
            switch trailer.dictionary["Prev"] {
            case nil: pending = nil
            case .integer(let previous)?: pending = previous
            default: throw .damagedPDF(reason: "/Prev is not an integer")
            }
        }
        if let highest = result.entries.keys.max() {
            result.size = max(result.size, highest + 1)
        }
        result.sectionCount = visited.count
        guard result.trailer["Root"]?.referenceValue != nil else {
            throw .damagedPDF(reason: "trailer has no /Root reference")
        }
        return result
    }

    private func lastStartxref() throws(INSTaggingError) -> Int {
        let keyword = Array("startxref".utf8)
        let tailStart = max(0, bytes.count - 2048)
        var index = bytes.count - keyword.count
        while index >= tailStart {
            if bytes[index..<(index + keyword.count)].elementsEqual(keyword) {
                var lexer = PDFLexer(bytes: bytes, position: index + keyword.count)
                guard case .integer(let offset)? = try? lexer.nextToken(), offset > 0, offset < bytes.count else {
                    throw .damagedPDF(reason: "startxref is not followed by a valid offset")
                }
                return offset
            }
            index -= 1
        }
        throw .damagedPDF(reason: "no startxref in the last 2048 bytes (truncated file?)")
    }

    private func readSection(
        at offset: Int, into result: inout CrossReference
    ) throws(INSTaggingError) -> (dictionary: PDFDictionary, kind: CrossReferenceKind) {
        var lexer = PDFLexer(bytes: bytes, position: offset)
        let first: PDFToken?
        do throws(PDFSyntaxError) {
            first = try lexer.nextToken()
        } catch {
            throw error.asTaggingError
        }
        var section = CrossReference()
        let trailer: PDFDictionary
        let kind: CrossReferenceKind
        if let first, first.isKeyword("xref") {
            trailer = try readTable(lexer: lexer, into: &section)
            kind = .table
            if case .integer(let streamOffset)? = trailer["XRefStm"] {
                // Hybrid file (ISO 32000-1 §7.5.8.4): the stream holds objects the table hides from pre-1.5
                // readers, usually by marking them free; a table entry in use still has precedence.
                var hidden = CrossReference()
                _ = try readStream(at: streamOffset, into: &hidden)
                for (number, entry) in hidden.entries where section.entries[number] ?? .free == .free {
                    section.entries[number] = entry
                }
            }
        } else {
            trailer = try readStream(at: offset, into: &section)
            kind = .stream
        }
        // Newer sections were read first: an object already known keeps its newer entry.
        for (number, entry) in section.entries where result.entries[number] == nil {
            result.entries[number] = entry
        }
        return (trailer, kind)
    }

    private func readTable(lexer start: PDFLexer, into result: inout CrossReference) throws(INSTaggingError)
        -> PDFDictionary
    {
        var lexer = start
        do throws(PDFSyntaxError) {
            while true {
                let tokenStart = lexer.position
                guard let token = try lexer.nextToken() else {
                    throw PDFSyntaxError(message: "cross-reference table without trailer", offset: tokenStart)
                }
                if token.isKeyword("trailer") {
                    var parser = PDFObjectParser(bytes: bytes, position: lexer.position)
                    guard case .dictionary(let trailer) = try parser.parseObject() else {
                        throw PDFSyntaxError(message: "trailer is not a dictionary", offset: lexer.position)
                    }
                    return trailer
                }
                guard case .integer(let firstNumber) = token, case .integer(let count)? = try lexer.nextToken(),
                    firstNumber >= 0, count >= 0, count <= bytes.count / 18,
                    firstNumber <= maximumObjectNumber
                else {
                    throw PDFSyntaxError(message: "malformed cross-reference subsection header", offset: tokenStart)
                }
                for number in firstNumber..<(firstNumber + count) {
                    let entryStart = lexer.position
                    guard case .integer(let offset)? = try lexer.nextToken(),
                        case .integer(let generation)? = try lexer.nextToken(),
                        case .keyword(let type)? = try lexer.nextToken(), type.count == 1
                    else {
                        throw PDFSyntaxError(message: "malformed cross-reference entry", offset: entryStart)
                    }
                    guard result.entries[number] == nil else { continue }
                    switch type[0] {
                    case UInt8(ascii: "n"):
                        guard offset > 0, offset < bytes.count else {
                            throw PDFSyntaxError(
                                message: "object \(number) offset outside the file", offset: entryStart)
                        }
                        result.entries[number] = .uncompressed(offset: offset, generation: generation)
                    case UInt8(ascii: "f"):
                        result.entries[number] = .free
                    default:
                        throw PDFSyntaxError(message: "cross-reference entry type is not n or f", offset: entryStart)
                    }
                }
            }
        } catch {
            throw error.asTaggingError
        }
    }

    private func readStream(at offset: Int, into result: inout CrossReference) throws(INSTaggingError)
        -> PDFDictionary
    {
        let parsed: PDFObject
        do throws(PDFSyntaxError) {
            // The /Length of a cross-reference stream must be direct (ISO 32000-1 §7.5.8.2).
            parsed = try PDFIndirectObjectParser(bytes: bytes).parse(at: offset, expecting: nil) { _ in nil }.object
        } catch {
            throw .damagedPDF(
                reason: "startxref or /Prev does not point to a cross-reference section (\(error.message))")
        }
        guard case .stream(let stream) = parsed, stream.dictionary["Type"]?.nameValue == "XRef" else {
            throw .damagedPDF(reason: "object at offset \(offset) is not a cross-reference stream")
        }
        let rows = try CrossReferenceStreamDecoder.entries(of: stream)
        for (number, entry) in rows where result.entries[number] == nil {
            if case .uncompressed(let objectOffset, _) = entry, objectOffset <= 0 || objectOffset >= bytes.count {
                throw .damagedPDF(reason: "object \(number) offset \(objectOffset) outside the file")
            }
            result.entries[number] = entry
        }
        return stream.dictionary
    }
}
