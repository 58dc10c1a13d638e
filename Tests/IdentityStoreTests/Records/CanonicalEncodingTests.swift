import Foundation
import Testing

@testable import IdentityStore

/// The fast encoders used on the import path write exactly the bytes of the plain definitions: a digest or an id
/// written one way and checked the other must agree, or `audit verify` would report rows that nobody touched.
@Suite("Canonical encoding")
struct CanonicalEncodingTests {
    @Test func rowDigestIsTheCanonicalDigestOfTheValuesAsText() {
        let samples: [[SQLValue]] = [
            [.text("0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b"), .text("Dupont"), .integer(0), .null, .text("")],
            [.integer(1), .integer(9), .integer(10), .integer(99), .integer(100), .integer(1_764_000_000_000)],
            [.integer(-1), .integer(-42), .integer(Int64.max), .integer(Int64.min), .text("Élise Anne-Marie ü ß")],
            [.text("a b;c:d\n"), .null, .null, .text("12:x;")],
        ]
        for values in samples {
            let fields: [String?] = values.map { value in
                switch value {
                case .text(let text): text
                case .integer(let integer): String(integer)
                case .null: nil
                }
            }
            for table in RecordTable.allCases {
                #expect(RowDigest.compute(table, values) == CanonicalEncoding.digest([table.rawValue] + fields))
            }
        }
    }

    @Test func lowercaseTextIsTheLowercasedUUIDString() {
        var ids = (0..<200).map { _ in UUID() }
        ids.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        ids.append(
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)))
        for id in ids { #expect(id.lowercaseText == id.uuidString.lowercased()) }
    }

    @Test func rowReferencesRoundTripAndMalformedListsAreUnreadable() {
        let references = (0..<50).map { index in
            RowReference(
                table: RecordTable.allCases[index % RecordTable.allCases.count], id: UUID().lowercaseText,
                digest: String(repeating: "ab", count: 32))
        }
        let text = RowReference.encode(references)
        #expect(RowReference.decode(text) == references)
        #expect(RowReference.decode("") == [])
        for malformed in [
            text + "\n", "\n" + text, "identities  x y", "identities x y z", "identities x", "nowhere x y",
            "identities x y\n\nidentities a b",
        ] {
            #expect(RowReference.decode(malformed) == nil, "\(malformed.prefix(40))")
        }
    }
}
