import Foundation
import Testing

@testable import INSTagging

@Suite("Incremental update structure")
struct IncrementalUpdateTests {
    static let request = StampRequest(payload: TestPayload.example, lines: TestPayload.lines)

    static func appendedPart(of fixture: String) throws -> (original: [UInt8], output: [UInt8], appended: String) {
        let original = try Fixture.bytes(fixture)
        let output = try PDFStamper.stampFirstPage(of: original, with: request)
        return (original, output, String(decoding: output[original.count...], as: UTF8.self))
    }

    @Test(arguments: [
        ("classic.pdf", CrossReferenceKind.table), ("object-streams.pdf", .stream), ("hybrid.pdf", .table),
        ("linearized.pdf", .table), ("three-pages-object-streams.pdf", .stream),
    ])
    func newSectionHasTheKindOfTheNewestOne(fixture: String, kind: CrossReferenceKind) throws {
        let (original, output, _) = try Self.appendedPart(of: fixture)
        let before = try PDFDocumentReader(bytes: original).crossReference
        let after = try PDFDocumentReader(bytes: output).crossReference
        #expect(before.newestKind == kind)
        #expect(after.newestKind == kind)
        #expect(after.trailer["Prev"] == .integer(before.startxref))
        #expect(after.trailer["Root"] == before.trailer["Root"])
        if case .array(let oldID)? = before.trailer["ID"], case .array(let newID)? = after.trailer["ID"] {
            #expect(oldID.first == newID.first, "the permanent identifier is kept")
            #expect(oldID.last != newID.last, "the changing identifier changes")
        } else {
            guard case .array(let newID)? = after.trailer["ID"], newID.count == 2 else {
                Issue.record("\(fixture): the update must carry an /ID")
                return
            }
        }
    }

    @Test func nameClashesGetAFreshNameAndSharedResourcesStayUntouched() throws {
        let (_, output, _) = try Self.appendedPart(of: "inherited-resources.pdf")
        let reader = try PDFDocumentReader(bytes: output)
        let page = try reader.firstPage()
        let resources = try #require(try reader.resolveDictionary(page.dictionary["Resources"]))
        let xObjects = try #require(try reader.resolveDictionary(resources["XObject"]))
        #expect(xObjects.keys == ["PasserelleINS", "PasserelleINS1"])
        #expect(resources["Font"] != nil, "inherited fonts are carried over")
        // The /XObject dictionary shared through the page tree still has only its original entry.
        let inherited = try #require(try reader.resolveDictionary(page.inherited["Resources"]))
        guard case .reference(let sharedReference)? = inherited["XObject"] else {
            Issue.record("fixture should share its /XObject dictionary by reference")
            return
        }
        let shared = try #require(try reader.resolveDictionary(.reference(sharedReference)))
        #expect(shared.keys == ["PasserelleINS"])
        guard case .array(let contents)? = page.dictionary["Contents"] else {
            Issue.record("contents should be an array")
            return
        }
        #expect(contents.count == 4, "q prefix, two original streams, stamp")
    }

    @Test func pageFromAnObjectStreamIsRewrittenAsAPlainObject() throws {
        let (original, output, appended) = try Self.appendedPart(of: "object-streams.pdf")
        let before = try PDFDocumentReader(bytes: original)
        let page = try before.firstPage()
        guard case .compressed? = before.crossReference.entries[page.reference.number] else {
            Issue.record("fixture page should live in an object stream")
            return
        }
        let after = try PDFDocumentReader(bytes: output)
        guard case .uncompressed(let offset, _)? = after.crossReference.entries[page.reference.number] else {
            Issue.record("new page version should be a plain object")
            return
        }
        #expect(offset > original.count)
        #expect(appended.contains("/Type /XRef"))
        #expect(!appended.contains("\nxref\n"))
    }

    @Test func classicFileGetsAClassicTable() throws {
        let (_, _, appended) = try Self.appendedPart(of: "classic.pdf")
        #expect(appended.contains("\nxref\n") || appended.hasPrefix("xref\n"))
        #expect(appended.contains("trailer\n"))
        #expect(!appended.contains("/Type /XRef"))
        #expect(appended.hasSuffix("%%EOF\n"))
    }
}
