/// Builds `PDFObject`s from tokens: direct objects, and indirect objects `n g obj … endobj` with their streams.
struct PDFObjectParser {
    /// Deeper nesting than this is treated as damage rather than risking the stack.
    static let maximumDepth = 64

    var lexer: PDFLexer

    init(bytes: [UInt8], position: Int) {
        lexer = PDFLexer(bytes: bytes, position: position)
    }

    var position: Int {
        lexer.position
    }

    mutating func parseObject() throws(PDFSyntaxError) -> PDFObject {
        let start = lexer.position
        guard let token = try lexer.nextToken() else {
            throw PDFSyntaxError(message: "unexpected end of data", offset: start)
        }
        return try parseObject(startingWith: token, depth: 0)
    }

    private mutating func parseObject(startingWith token: PDFToken, depth: Int) throws(PDFSyntaxError) -> PDFObject {
        guard depth < Self.maximumDepth else {
            throw PDFSyntaxError(message: "objects nested too deeply", offset: lexer.position)
        }
        switch token {
        case .integer(let value):
            if let reference = tryReference(number: value) {
                return .reference(reference)
            }
            return .integer(value)
        case .real(let text):
            return .real(text)
        case .string(let bytes):
            return .string(bytes)
        case .name(let name):
            return .name(name)
        case .arrayOpen:
            return .array(try parseArrayBody(depth: depth))
        case .dictionaryOpen:
            return .dictionary(try parseDictionaryBody(depth: depth))
        case .keyword(let bytes):
            if bytes.elementsEqual("true".utf8) { return .boolean(true) }
            if bytes.elementsEqual("false".utf8) { return .boolean(false) }
            if bytes.elementsEqual("null".utf8) { return .null }
            throw PDFSyntaxError(
                message: "unexpected keyword '\(String(decoding: bytes.prefix(20), as: UTF8.self))'",
                offset: lexer.position)
        case .arrayClose, .dictionaryClose:
            throw PDFSyntaxError(message: "unexpected closing delimiter", offset: lexer.position)
        }
    }

    /// `n g R` needs two tokens of look-ahead; on mismatch the lexer is put back.
    private mutating func tryReference(number: Int) -> PDFReference? {
        let saved = lexer
        guard case .integer(let generation)? = try? lexer.nextToken(),
            let keyword = try? lexer.nextToken(), keyword.isKeyword("R"),
            number >= 0, generation >= 0
        else {
            lexer = saved
            return nil
        }
        return PDFReference(number: number, generation: generation)
    }

    private mutating func parseArrayBody(depth: Int) throws(PDFSyntaxError) -> [PDFObject] {
        var items: [PDFObject] = []
        while true {
            let start = lexer.position
            guard let token = try lexer.nextToken() else {
                throw PDFSyntaxError(message: "unterminated array", offset: start)
            }
            if token == .arrayClose { return items }
            items.append(try parseObject(startingWith: token, depth: depth + 1))
        }
    }

    private mutating func parseDictionaryBody(depth: Int) throws(PDFSyntaxError) -> PDFDictionary {
        var dictionary = PDFDictionary()
        while true {
            let start = lexer.position
            guard let token = try lexer.nextToken() else {
                throw PDFSyntaxError(message: "unterminated dictionary", offset: start)
            }
            if token == .dictionaryClose { return dictionary }
            guard case .name(let key) = token else {
                throw PDFSyntaxError(message: "dictionary key is not a name", offset: start)
            }
            let valueStart = lexer.position
            guard let valueToken = try lexer.nextToken() else {
                throw PDFSyntaxError(message: "unterminated dictionary", offset: valueStart)
            }
            let value = try parseObject(startingWith: valueToken, depth: depth + 1)
            // A null value is equivalent to an absent key (ISO 32000-1 §7.3.7).
            if value != .null {
                dictionary[key] = value
            }
        }
    }
}
