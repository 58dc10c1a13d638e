/// Reads `n g obj … endobj` at a byte offset, including the stream data of stream objects.
struct PDFIndirectObjectParser {
    let bytes: [UInt8]

    /// - Parameter streamLength: resolves an indirect `/Length`; returns nil when it cannot.
    func parse(
        at offset: Int,
        expecting expected: PDFReference?,
        streamLength: (PDFReference) -> Int?
    ) throws(PDFSyntaxError) -> (reference: PDFReference, object: PDFObject) {
        guard offset >= 0, offset < bytes.count else {
            throw PDFSyntaxError(message: "object offset outside the file", offset: offset)
        }
        var lexer = PDFLexer(bytes: bytes, position: offset)
        guard case .integer(let number)? = try lexer.nextToken(),
            case .integer(let generation)? = try lexer.nextToken(),
            let keyword = try lexer.nextToken(), keyword.isKeyword("obj")
        else {
            throw PDFSyntaxError(message: "no 'n g obj' header", offset: offset)
        }
        let reference = PDFReference(number: number, generation: generation)
        if let expected, expected.number != number {
            throw PDFSyntaxError(message: "expected object \(expected) but found \(reference)", offset: offset)
        }
        var parser = PDFObjectParser(bytes: bytes, position: lexer.position)
        let object = try parser.parseObject()
        var after = PDFLexer(bytes: bytes, position: parser.position)
        let keywordStart = after.position
        let next = try? after.nextToken()
        guard let next, next.isKeyword("stream") else {
            return (reference, object)
        }
        guard case .dictionary(let dictionary) = object else {
            throw PDFSyntaxError(message: "stream without a dictionary", offset: keywordStart)
        }
        let data = try streamData(after: after.position, dictionary: dictionary, streamLength: streamLength)
        return (reference, .stream(PDFStream(dictionary: dictionary, data: data)))
    }

    private func streamData(
        after keywordEnd: Int,
        dictionary: PDFDictionary,
        streamLength: (PDFReference) -> Int?
    ) throws(PDFSyntaxError) -> ArraySlice<UInt8> {
        var start = keywordEnd
        // `stream` is followed by CRLF or LF (a lone CR is tolerated).
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        var declared: Int?
        switch dictionary["Length"] {
        case .integer(let value)?: declared = value
        case .reference(let reference)?: declared = streamLength(reference)
        default: declared = nil
        }
        if let declared, declared >= 0, start + declared <= bytes.count, endstreamFollows(start + declared) {
            return bytes[start..<(start + declared)]
        }
        // Wrong or missing /Length: fall back on the `endstream` keyword, as readers commonly do.
        guard let keyword = find(Array("endstream".utf8), from: start) else {
            throw PDFSyntaxError(message: "stream without endstream", offset: start)
        }
        var end = keyword
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    private func endstreamFollows(_ position: Int) -> Bool {
        var index = position
        while index < bytes.count, PDFCharacterClass.isWhitespace(bytes[index]), index < position + 4 {
            index += 1
        }
        let keyword = Array("endstream".utf8)
        guard index + keyword.count <= bytes.count else { return false }
        return bytes[index..<(index + keyword.count)].elementsEqual(keyword)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
