import Foundation
import INS
import Testing

/// `JSONText` writes what `JSONSerialization` (sorted keys, unescaped slashes) writes: same bytes for the shapes
/// the broker answers with, and text any JSON parser reads back to the same tree.
@Suite struct JSONTextTests {
    static let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]

    static func reference(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: options), as: UTF8.self)
    }

    @Test func sameBytesAsJSONSerializationForBrokerShapes() throws {
        let value: [String: Any] = [
            "id": "0195a3c2-7e1f-7abc-8def-0123456789ab", "status": "QUAL", "version": 3, "sequence": Int64(42),
            "ok": true, "ko": false, "none": NSNull(), "url": "http://127.0.0.1:4747/api/v1",
            "traits": ["nomNaissance": "D'ARTAGNAN-ÉLOI", "prenoms": "JEAN PIERRE", "lieuNaissance": NSNull()],
            "list": [1, "two", ["three": 3], [] as [Any], [:] as [String: Any]],
            "payload": "IS01\u{1D}S3MARIE\u{1D}", "quote": "a \"b\" c\\d\n\t\r", "empty": "",
        ]
        #expect(JSONText.string(value) == (try Self.reference(value)))
    }

    @Test func everyControlCharacterIsEscapedAndReadBack() throws {
        let text = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "é€😀/"
        let written = JSONText.data(["s": text])
        let parsed = try #require(try JSONSerialization.jsonObject(with: written) as? [String: String])
        #expect(parsed["s"] == text)
    }

    @Test func randomTreesParseBackToTheSameTree() throws {
        var generator = SystemRandomNumberGenerator()
        func tree(_ depth: Int) -> Any {
            switch Int.random(in: 0..<(depth > 2 ? 4 : 6), using: &generator) {
            case 0:
                return String(
                    (0..<Int.random(in: 0..<8)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 1...126))) })
            case 1: return Int.random(in: -1_000_000...1_000_000)
            case 2: return Bool.random()
            case 3: return NSNull()
            case 4: return (0..<Int.random(in: 0..<4)).map { _ in tree(depth + 1) }
            default:
                var object: [String: Any] = [:]
                for index in 0..<Int.random(in: 0..<4) { object["k\(index)\(Int.random(in: 0..<9))"] = tree(depth + 1) }
                return object
            }
        }
        for _ in 0..<500 {
            let value = ["root": tree(0)]
            #expect(JSONText.string(value) == (try Self.reference(value)))
        }
    }
}
