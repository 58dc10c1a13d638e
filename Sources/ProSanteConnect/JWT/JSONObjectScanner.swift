/// A single-pass reader of one JSON object (RFC 8259) that hands back only the members a caller asks for, for
/// the JOSE header and the ID-token claims. JSONDecoder builds a dictionary of every member, its coding paths and
/// generic containers, and cost more than the claim checks themselves (Tools/bench/psc).
///
/// Every byte is still validated: the whole text must be one well-formed object, strings valid UTF-8 with valid
/// escapes, nesting at most `maximumDepth` deep. A member asked for twice is refused rather than resolved, so
/// that two readers of the same token cannot disagree about its claims (RFC 7519 §4).
struct JSONObjectScanner {
    enum Value: Equatable {
        case string(String)
        case number(Double)
        case strings([String])
        case null
        /// `true`, `false`, an object, or an array holding anything but strings.
        case other
    }

    enum Failure: Error, Equatable {
        case syntax(offset: Int)
        case duplicate(String)
    }

    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The values of the members named in `names`, at the same positions (nil: absent). Members not asked for
    /// are validated and skipped; names are matched on their bytes (escapes resolved), no string is built for
    /// them and nothing is hashed.
    static func members(of bytes: UnsafeBufferPointer<UInt8>, named names: [[UInt8]]) throws(Failure) -> [Value?] {
        var scanner = JSONObjectScanner(bytes)
        var found = [Value?](repeating: nil, count: names.count)
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: "{"))
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                scanner.skipWhitespace()
                let position = try scanner.readName(among: names)
                scanner.skipWhitespace()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipWhitespace()
                if let position {
                    if found[position] != nil { throw .duplicate(String(decoding: names[position], as: UTF8.self)) }
                    found[position] = try scanner.readValue()
                } else {
                    try scanner.skipValue(depth: 1)
                }
                scanner.skipWhitespace()
                let separator = scanner.peek()
                scanner.index += 1
                if separator == UInt8(ascii: "}") { break }
                guard separator == UInt8(ascii: ",") else { throw .syntax(offset: scanner.index - 1) }
            }
        }
        scanner.skipWhitespace()
        guard scanner.index == bytes.count else { throw .syntax(offset: scanner.index) }
        return found
    }

    private mutating func readName(among names: [[UInt8]]) throws(Failure) -> Int? {
        guard peek() == UInt8(ascii: "\"") else { throw .syntax(offset: index) }
        let start = index + 1
        if let unescaped = try scanString() { return names.firstIndex { $0 == unescaped } }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
        return names.firstIndex { $0.elementsEqual(raw) }
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard peek() == byte else { throw .syntax(offset: index) }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func readValue() throws(Failure) -> Value {
        // 0 never starts a value: the end of the text lands in `default`.
        switch peek() ?? 0 {
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "["):
            let start = index
            if let strings = try readStringArray() { return .strings(strings) }
            index = start
            try skipValue(depth: 1)
            return .other
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try readNumber())
        default:
            try skipValue(depth: 1)
            return .other
        }
    }

    /// An array of strings, or nil (index unspecified) when some element is not a string.
    private mutating func readStringArray() throws(Failure) -> [String]? {
        try expect(UInt8(ascii: "["))
        var strings: [String] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return strings
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { return nil }
            strings.append(try readString())
            skipWhitespace()
            let separator = peek()
            index += 1
            if separator == UInt8(ascii: "]") { return strings }
            guard separator == UInt8(ascii: ",") else { throw .syntax(offset: index - 1) }
        }
    }

    private mutating func skipValue(depth: Int) throws(Failure) {
        guard depth <= Self.maximumDepth else { throw .syntax(offset: index) }
        // 0 never starts a value: the end of the text lands in `default`.
        switch peek() ?? 0 {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try numberEnd()
        case UInt8(ascii: "["):
            try skipContainer(close: UInt8(ascii: "]"), depth: depth, members: false)
        case UInt8(ascii: "{"):
            try skipContainer(close: UInt8(ascii: "}"), depth: depth, members: true)
        default:
            throw .syntax(offset: index)
        }
    }

    private mutating func skipContainer(close: UInt8, depth: Int, members: Bool) throws(Failure) {
        index += 1
        skipWhitespace()
        if peek() == close {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            if members {
                guard peek() == UInt8(ascii: "\"") else { throw .syntax(offset: index) }
                _ = try scanString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
            }
            try skipValue(depth: depth + 1)
            skipWhitespace()
            let separator = peek()
            index += 1
            if separator == close { return }
            guard separator == UInt8(ascii: ",") else { throw .syntax(offset: index - 1) }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(Failure) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw .syntax(offset: index) }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw .syntax(offset: index + offset)
        }
        index += count
    }

    /// RFC 8259 §6 grammar, then the standard library's conversion of the validated text.
    private mutating func readNumber() throws(Failure) -> Double {
        let start = index
        let end = try numberEnd()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw .syntax(offset: start) }
        return value
    }

    private mutating func numberEnd() throws(Failure) -> Int {
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw .syntax(offset: index) }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), isDigit(digit) else { throw .syntax(offset: index) }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { throw .syntax(offset: index) }
            skipDigits()
        }
        return index
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    private mutating func readString() throws(Failure) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw .syntax(offset: index) }
        let start = index + 1
        // `scanString` has validated the UTF-8 (and escapes only add valid UTF-8): decoding cannot repair anything.
        if let unescaped = try scanString() { return String(decoding: unescaped, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
    }

    /// Moves past a string. Returns its bytes with the escapes resolved when it had any, nil when it had none
    /// (then the bytes between the quotes are the value).
    private mutating func scanString() throws(Failure) -> [UInt8]? {
        index += 1
        let start = index
        var unescaped: [UInt8] = []
        var escaped = false
        var ascii = true
        while true {
            guard let byte = peek() else { throw .syntax(offset: index) }
            if byte == UInt8(ascii: "\"") { break }
            // RFC 8259 §7: control characters must be escaped.
            guard byte >= 0x20 else { throw .syntax(offset: index) }
            if byte == UInt8(ascii: "\\") {
                if !escaped { unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                escaped = true
                index += 1
                try readEscape(into: &unescaped)
                continue
            }
            if byte >= 0x80 { ascii = false }
            if escaped { unescaped.append(byte) }
            index += 1
        }
        // Strings nobody reads are still checked: invalid UTF-8 anywhere refuses the whole object.
        if !ascii, String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) == nil {
            throw .syntax(offset: start)
        }
        index += 1
        return escaped ? unescaped : nil
    }

    private mutating func readEscape(into output: inout [UInt8]) throws(Failure) {
        guard let byte = peek() else { throw .syntax(offset: index) }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one; lone surrogates are refused.
                guard peek() == UInt8(ascii: "\\") else { throw .syntax(offset: index) }
                index += 1
                guard peek() == UInt8(ascii: "u") else { throw .syntax(offset: index) }
                index += 1
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw .syntax(offset: index) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw .syntax(offset: index)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw .syntax(offset: index) }
            var text = ""
            text.unicodeScalars.append(unicode)
            output.append(contentsOf: text.utf8)
        default:
            throw .syntax(offset: index - 1)
        }
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard bytes.count - index >= 4 else { throw .syntax(offset: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .syntax(offset: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
