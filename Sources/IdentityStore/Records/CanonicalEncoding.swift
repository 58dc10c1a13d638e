import Crypto
import Foundation

/// The byte form a record is hashed in. Each field is written as `<utf8 length>:<text>;` so that no choice of
/// field contents can make two different records encode alike (a plain separator could be forged by a value
/// containing it). `nil` is written as `-;`, distinct from the empty string `0:;`.
enum CanonicalEncoding {
    static func encode(_ fields: [String?]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 6 })
        for field in fields {
            guard let field else {
                bytes.append(contentsOf: [UInt8(ascii: "-"), UInt8(ascii: ";")])
                continue
            }
            append(field, to: &bytes)
        }
        return bytes
    }

    /// One present field: `<utf8 length>:<text>;`.
    static func append(_ field: String, to bytes: inout [UInt8]) {
        appendDecimal(field.utf8.count, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: field.utf8)
        bytes.append(UInt8(ascii: ";"))
    }

    /// A non-negative integer in decimal ASCII, without going through a `String`.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    static func digest(_ fields: [String?]) -> String {
        hex(SHA256.hash(data: encode(fields)))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A stored row whose content the audit log vouches for: each audit event lists the digest of every row it
/// wrote, so `audit verify` can tell a row changed behind the store's back from one the store wrote.
/// The digest covers the stored column values themselves, so `audit verify` can check a row even when its
/// content no longer decodes (a tampered row must be named, not crash the check).
protocol AuditedRow: RowCodable {
    static var table: RecordTable { get }
    var rowID: String { get }
}

extension AuditedRow {
    var rowDigest: String { RowDigest.compute(Self.table, values) }
    var rowReference: RowReference { RowReference(table: Self.table, id: rowID, digest: rowDigest) }
}

enum RowDigest {
    /// `CanonicalEncoding.digest([table] + values as text)`, encoded straight from the values (no intermediate
    /// array of strings: this runs once per imported row).
    static func compute(_ table: RecordTable, _ values: [SQLValue]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        CanonicalEncoding.append(table.rawValue, to: &bytes)
        for value in values {
            switch value {
            case .text(let text): CanonicalEncoding.append(text, to: &bytes)
            case .integer(let integer) where integer >= 0:
                // The decimal text of a non-negative integer is as many ASCII bytes as it has digits.
                var digits = 1
                var rest = integer / 10
                while rest > 0 {
                    digits += 1
                    rest /= 10
                }
                CanonicalEncoding.appendDecimal(digits, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                CanonicalEncoding.appendDecimal(Int(integer), to: &bytes)
                bytes.append(UInt8(ascii: ";"))
            case .integer(let integer): CanonicalEncoding.append(String(integer), to: &bytes)
            case .null: bytes.append(contentsOf: [UInt8(ascii: "-"), UInt8(ascii: ";")])
            }
        }
        return CanonicalEncoding.hex(SHA256.hash(data: bytes))
    }
}

/// The audited tables.
public enum RecordTable: String, CaseIterable, Sendable, Codable {
    case identities
    case evidence
    case insiCalls = "insi_calls"
    case statusHistory = "status_history"
    case workItems = "work_items"
}

/// "This audit event wrote this row with this content."
public struct RowReference: Hashable, Sendable, Codable {
    public let table: RecordTable
    public let id: String
    public let digest: String

    /// One line `table id digest` per reference; ids and digests never contain spaces or newlines.
    static func encode(_ references: [RowReference]) -> String {
        references.map { "\($0.table.rawValue) \($0.id) \($0.digest)" }.joined(separator: "\n")
    }

    /// The inverse of `encode`, read byte by byte (an import event lists a whole batch). Anything `encode` never
    /// writes (an empty line, a doubled space, a fourth field) makes the list unreadable: the event is then
    /// reported as edited.
    static func decode(_ text: String) -> [RowReference]? {
        if text.isEmpty { return [] }
        var text = text
        return text.withUTF8 { bytes -> [RowReference]? in
            var result: [RowReference] = []
            var fields: [String] = []
            var start = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") else { continue }
                guard index > start else { return nil }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
                guard byte == UInt8(ascii: "\n") else { continue }
                guard fields.count == 3, let table = RecordTable(rawValue: fields[0]) else { return nil }
                result.append(RowReference(table: table, id: fields[1], digest: fields[2]))
                fields.removeAll(keepingCapacity: true)
            }
            return result
        }
    }
}

/// Milliseconds since 1970, the one time representation of both back ends.
public struct Timestamp: Hashable, Sendable, Codable, Comparable {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public init(_ date: Date) { self.milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    public static var now: Timestamp { Timestamp(Date()) }
    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
    public var iso8601: String { date.formatted(.iso8601) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }
}
