/// A PDF name as raw bytes (after `#xx` decoding): names are byte strings, not text.
struct PDFName: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(stringLiteral value: String) {
        self.bytes = Array(value.utf8)
    }

    var description: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
