/// A BER-TLV element as found in card answers and PKCS#15 files; parsing never traps on malformed input.
struct BERTLV: Sendable, Hashable {
    /// Tag bytes as they appear (1 to 3 bytes).
    let tag: [UInt8]
    let value: [UInt8]

    var isConstructed: Bool { (tag.first ?? 0) & 0x20 != 0 }

    /// Parses consecutive elements; stops at padding (`00`/`FF`) and fails on truncation.
    static func parse(_ bytes: [UInt8]) throws(CPSError) -> [BERTLV] {
        var elements: [BERTLV] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x00 || bytes[index] == 0xFF {
                break
            }
            var tag = [bytes[index]]
            index += 1
            if tag[0] & 0x1F == 0x1F {
                repeat {
                    guard index < bytes.count, tag.count < 4 else {
                        throw .malformedCardData("truncated BER tag")
                    }
                    tag.append(bytes[index])
                    index += 1
                } while (tag.last ?? 0) & 0x80 != 0
            }
            guard index < bytes.count else {
                throw .malformedCardData("missing BER length")
            }
            var length = Int(bytes[index])
            index += 1
            if length & 0x80 != 0 {
                let count = length & 0x7F
                guard (1...3).contains(count), index + count <= bytes.count else {
                    throw .malformedCardData("bad BER length")
                }
                length = bytes[index..<index + count].reduce(0) { $0 << 8 | Int($1) }
                index += count
            }
            guard index + length <= bytes.count else {
                throw .malformedCardData("BER value overruns its container")
            }
            elements.append(BERTLV(tag: tag, value: Array(bytes[index..<index + length])))
            index += length
        }
        return elements
    }

    func children() throws(CPSError) -> [BERTLV] {
        try BERTLV.parse(value)
    }

    /// Depth-first search for the first element with `tag` among `elements` and their constructed descendants.
    static func find(_ tag: [UInt8], in elements: [BERTLV]) -> BERTLV? {
        for element in elements {
            if element.tag == tag {
                return element
            }
            if element.isConstructed, let children = try? element.children(), let found = find(tag, in: children) {
                return found
            }
        }
        return nil
    }

    /// Unsigned big-endian integer value.
    var integerValue: Int {
        value.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    }
}
