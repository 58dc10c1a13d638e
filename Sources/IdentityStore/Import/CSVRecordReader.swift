import Foundation

/// Streams RFC 4180 records (quoted fields, doubled quotes, CRLF or LF) from a file without loading it whole,
/// remembering the line each record starts on for error reports.
struct CSVRecordReader {
    struct Record {
        let line: Int
        let fields: [String]
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private(set) var line = 1
    private(set) var bytesRead = 0
    var separator = UInt8(ascii: ",")

    init(path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .invalidInput(field: "fichier", reason: "impossible de lire \(path)")
        }
        self.handle = handle
    }

    private mutating func fill() -> Bool {
        if position < buffer.count { return true }
        if atEnd { return false }
        let data = handle.readData(ofLength: 1 << 20)
        if data.isEmpty {
            atEnd = true
            return false
        }
        buffer = Array(data)
        position = 0
        return true
    }

    private mutating func nextByte() -> UInt8? {
        guard fill() else { return nil }
        let byte = buffer[position]
        position += 1
        bytesRead += 1
        return byte
    }

    private mutating func peekByte() -> UInt8? {
        guard fill() else { return nil }
        return buffer[position]
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    mutating func next() -> Record? {
        while true {
            let start = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var sawAnything = false
            while let byte = nextByte() {
                sawAnything = true
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if peekByte() == UInt8(ascii: "\"") {
                            _ = nextByte()
                            field.append(byte)
                        } else {
                            quoted = false
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                    }
                } else if byte == UInt8(ascii: "\"") && field.isEmpty {
                    quoted = true
                } else if byte == separator {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                    break
                } else if byte != UInt8(ascii: "\r") {
                    field.append(byte)
                }
            }
            guard sawAnything else { return nil }
            fields.append(String(decoding: field, as: UTF8.self))
            if fields.count == 1, fields[0].isEmpty { continue }
            return Record(line: start, fields: fields)
        }
    }
}
