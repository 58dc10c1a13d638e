/// Lists the key paths a YAML file sets, with their line numbers. swift-configuration answers "what is the value
/// of this key" but cannot say which keys exist, and a typo (`brokr:`) is only visible from that list. The file has
/// already been parsed by the YAML provider when this runs, so the scanner only needs the shapes a configuration
/// uses: block mappings by indentation, flow mappings `{a: 1}`, sequences and block scalars as leaf values.
struct YAMLKeyScanner {
    struct Entry: Sendable, Hashable {
        /// Dotted path, e.g. `insi.timeouts.requestSeconds`.
        let path: String
        let line: Int
        /// True when the key holds a mapping (a section) rather than a value.
        let isMapping: Bool
    }

    private(set) var entries: [Entry] = []
    private var stack: [(indent: Int, path: String)] = []
    /// Indentation of the key whose block scalar (`|`, `>`) is being skipped.
    private var blockScalarIndent: Int?

    static func scan(_ text: String) -> [Entry] {
        var scanner = YAMLKeyScanner()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            var line = Self.stripComment(lines[index])
            let number = index + 1
            index += 1
            // A flow collection may span several lines: join until the brackets balance.
            while Self.openBrackets(line) > 0, index < lines.count {
                line += " " + Self.stripComment(lines[index])
                index += 1
            }
            scanner.consume(line, number: number)
        }
        return scanner.entries
    }

    private mutating func consume(_ rawLine: String, number: Int) {
        let indent = rawLine.prefix { $0 == " " }.count
        let content = rawLine.dropFirst(indent).trimmingTrailingSpaces()
        if content.isEmpty { return }
        if let scalarIndent = blockScalarIndent {
            if indent > scalarIndent { return }
            blockScalarIndent = nil
        }
        if indent == 0, content == "---" || content == "..." || content.hasPrefix("%") { return }
        // Sequence items belong to the key above them, which is then a value, not a section.
        if content.hasPrefix("- ") || content == "-" {
            if let last = entries.last, last.isMapping, last.path == stack.last?.path {
                entries[entries.count - 1] = Entry(path: last.path, line: last.line, isMapping: false)
            }
            return
        }
        guard let (key, rest) = Self.splitKey(content) else { return }
        while let top = stack.last, top.indent >= indent { stack.removeLast() }
        let path = stack.last.map { $0.path + "." + key } ?? key
        let value = rest.trimmingTrailingSpaces()
        if value.isEmpty {
            entries.append(Entry(path: path, line: number, isMapping: true))
            stack.append((indent, path))
        } else if value.hasPrefix("{") {
            entries.append(Entry(path: path, line: number, isMapping: true))
            scanFlowMapping(Substring(value), prefix: path, line: number)
        } else {
            entries.append(Entry(path: path, line: number, isMapping: false))
            if value.hasPrefix("|") || value.hasPrefix(">") { blockScalarIndent = indent }
        }
    }

    /// `{a: 1, b: {c: 2}, d: [x, y]}`: records `prefix.a`, `prefix.b`, `prefix.b.c`, `prefix.d`.
    private mutating func scanFlowMapping(_ text: Substring, prefix: String, line: Int) {
        let inner = text.dropFirst().dropLast(text.hasSuffix("}") ? 1 : 0)
        for item in Self.splitTopLevel(inner) {
            let trimmed = item.trimmingSpaces()
            guard !trimmed.isEmpty, let (key, rest) = Self.splitKey(trimmed) else { continue }
            let path = prefix + "." + key
            let value = rest.trimmingSpaces()
            if value.hasPrefix("{") {
                entries.append(Entry(path: path, line: line, isMapping: true))
                scanFlowMapping(Substring(value), prefix: path, line: line)
            } else {
                entries.append(Entry(path: path, line: line, isMapping: false))
            }
        }
    }

    /// `key: rest` with a plain or quoted key; nil when the line holds no key (a continued plain scalar).
    private static func splitKey(_ text: some StringProtocol) -> (String, String)? {
        let content = Substring(text)
        if let quote = content.first, quote == "\"" || quote == "'" {
            guard let close = content.dropFirst().firstIndex(of: quote) else { return nil }
            let key = String(content[content.index(after: content.startIndex)..<close])
            let after = content[content.index(after: close)...].drop { $0 == " " }
            guard after.first == ":" else { return nil }
            return (key, String(after.dropFirst()).trimmingSpaces())
        }
        var index = content.startIndex
        while index < content.endIndex {
            if content[index] == ":" {
                let next = content.index(after: index)
                if next == content.endIndex || content[next] == " " {
                    let key = String(content[..<index]).trimmingSpaces()
                    return key.isEmpty ? nil : (key, String(content[next...]).trimmingSpaces())
                }
            }
            index = content.index(after: index)
        }
        return nil
    }

    /// Splits on commas outside quotes and brackets.
    private static func splitTopLevel(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var start = text.startIndex
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            case "," where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        parts.append(text[start...])
        return parts
    }

    /// Removes a `#` comment that is outside quotes and starts a word.
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if previous == " " || previous == ":" || previous == "[" || previous == "{" || previous == "," {
                    quote = character
                }
            } else if character == "#", previous == " " || previous == "\t" || index == line.startIndex {
                return String(line[..<index])
            }
            previous = character
        }
        return line
    }

    private static func openBrackets(_ line: String) -> Int {
        var depth = 0
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            default: break
            }
        }
        return depth
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" }).trimmingTrailingSpaces()
    }

    func trimmingTrailingSpaces() -> String {
        var text = String(self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
