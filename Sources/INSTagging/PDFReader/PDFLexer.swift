/// Splits PDF bytes into tokens. It never reads past `bytes.endIndex`; malformed input yields `PDFSyntaxError`.
struct PDFLexer {
    let bytes: [UInt8]
    var position: Int

    init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool {
        position >= bytes.count
    }

    mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if PDFCharacterClass.isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    position += 1
                }
            } else {
                return
            }
        }
    }

    /// The next token, or nil at the end of the data.
    mutating func nextToken() throws(PDFSyntaxError) -> PDFToken? {
        skipWhitespaceAndComments()
        guard position < bytes.count else { return nil }
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "["):
            position += 1
            return .arrayOpen
        case UInt8(ascii: "]"):
            position += 1
            return .arrayClose
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                return .dictionaryOpen
            }
            return .string(try readHexString())
        case UInt8(ascii: ">"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") {
                position += 2
                return .dictionaryClose
            }
            throw PDFSyntaxError(message: "unexpected '>'", offset: start)
        case UInt8(ascii: "("):
            return .string(try readLiteralString())
        case UInt8(ascii: "/"):
            return .name(readName())
        case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            throw PDFSyntaxError(message: "unexpected delimiter", offset: start)
        default:
            return try readRegularRun()
        }
    }

    private mutating func readRegularRun() throws(PDFSyntaxError) -> PDFToken {
        let start = position
        while position < bytes.count, PDFCharacterClass.isRegular(bytes[position]) {
            position += 1
        }
        let run = bytes[start..<position]
        if let number = Self.number(from: run) {
            return number
        }
        return .keyword(Array(run))
    }

    /// Integers `[+-]digits` and reals `[+-]digits.digits` (either side may be empty but not both).
    private static func number(from run: ArraySlice<UInt8>) -> PDFToken? {
        var digits = 0
        var dots = 0
        for (index, byte) in zip(run.indices, run) {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
            case UInt8(ascii: "."):
                dots += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if index != run.startIndex { return nil }
            default:
                return nil
            }
        }
        guard digits > 0, dots <= 1 else { return nil }
        let text = String(decoding: run, as: UTF8.self)
        if dots == 0, let value = Int(text) {
            return .integer(value)
        }
        return .real(text)
    }

    private mutating func readName() -> PDFName {
        position += 1
        var name: [UInt8] = []
        while position < bytes.count, PDFCharacterClass.isRegular(bytes[position]) {
            let byte = bytes[position]
            if byte == UInt8(ascii: "#"), position + 2 < bytes.count,
                let high = PDFCharacterClass.hexValue(bytes[position + 1]),
                let low = PDFCharacterClass.hexValue(bytes[position + 2])
            {
                name.append(high << 4 | low)
                position += 3
            } else {
                name.append(byte)
                position += 1
            }
        }
        return PDFName(bytes: name)
    }

    private mutating func readHexString() throws(PDFSyntaxError) -> [UInt8] {
        let start = position
        position += 1
        var result: [UInt8] = []
        var pending: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ">") {
                if let high = pending { result.append(high << 4) }
                return result
            }
            if PDFCharacterClass.isWhitespace(byte) { continue }
            guard let value = PDFCharacterClass.hexValue(byte) else {
                throw PDFSyntaxError(message: "invalid hexadecimal string", offset: position - 1)
            }
            if let high = pending {
                result.append(high << 4 | value)
                pending = nil
            } else {
                pending = value
            }
        }
        throw PDFSyntaxError(message: "unterminated hexadecimal string", offset: start)
    }

    private mutating func readLiteralString() throws(PDFSyntaxError) -> [UInt8] {
        let start = position
        position += 1
        var result: [UInt8] = []
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            case UInt8(ascii: "\\"):
                readEscape(into: &result)
            case 0x0D:
                // An unescaped end-of-line is read as a single line feed whatever its form.
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                result.append(0x0A)
            default:
                result.append(byte)
            }
        }
        throw PDFSyntaxError(message: "unterminated literal string", offset: start)
    }

    private mutating func readEscape(into result: inout [UInt8]) {
        guard position < bytes.count else { return }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case 0x0D:
            if position < bytes.count, bytes[position] == 0x0A { position += 1 }
        case 0x0A:
            break
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(byte - UInt8(ascii: "0"))
            var count = 1
            while count < 3, position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                value = value * 8 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
                count += 1
            }
            result.append(UInt8(truncatingIfNeeded: value))
        default:
            // `\(`, `\)`, `\\` and any unknown escape: the backslash is dropped.
            result.append(byte)
        }
    }
}
