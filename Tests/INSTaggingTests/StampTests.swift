import Foundation
import INSTagging
import Testing

@Suite("Stamping page 1 of existing PDFs", .serialized)
struct StampTests {
    static let validFixtures = [
        "classic.pdf", "object-streams.pdf", "three-pages.pdf", "three-pages-object-streams.pdf", "rotated-90.pdf",
        "rotated-270-inherited.pdf", "inherited-resources.pdf", "linearized.pdf", "two-revisions.pdf", "blank-page.pdf",
        "indirect-contents-array.pdf", "hybrid.pdf",
    ]

    static func request(_ corner: StampRequest.Corner = .topRight) -> StampRequest {
        StampRequest(payload: TestPayload.example, lines: TestPayload.lines, corner: corner)
    }

    /// Everything the oracles must agree on for a stamped file.
    static func verify(
        original: [UInt8], stamped: [UInt8], corner: StampRequest.Corner, in scratch: borrowing ScratchDirectory
    )
        throws
    {
        #expect(stamped.starts(with: original), "original bytes must be an exact prefix")
        let originalPath = try scratch.write(original, to: "original.pdf")
        let path = try scratch.write(stamped, to: "stamped.pdf")
        let check = try Oracles.qpdfCheck(path)
        #expect(check.ok, "qpdf --check: \(check.report)")
        #expect(try Oracles.pageCount(path) == Oracles.pageCount(originalPath))
        let rendered = try Oracles.renderFirstPage(path, into: scratch.url)
        #expect(try Oracles.dmtxread(rendered.png) == TestPayload.example, "dmtxread")
        let zxing = try #require(try Oracles.zxing(rendered.pgm), "zxing-cpp found no DataMatrix")
        #expect(zxing.bytes == TestPayload.example, "zxing-cpp")
        #expect(zxing.orientation == 0, "the symbol must be upright on the page as displayed")
        let left = corner == .topLeft || corner == .bottomLeft
        let top = corner == .topLeft || corner == .topRight
        #expect((zxing.centreX < 0.5) == left, "symbol centre x \(zxing.centreX) for \(corner)")
        #expect((zxing.centreY < 0.5) == top, "symbol centre y \(zxing.centreY) for \(corner)")
        #expect(try Oracles.textOfFirstPage(path).contains("INS à scanner"))
    }

    @Test(arguments: validFixtures)
    func stampedFixturePassesEveryOracle(fixture: String) throws {
        let original = try Fixture.bytes(fixture)
        let stamped = try PDFStamper.stampFirstPage(of: original, with: Self.request())
        let scratch = try ScratchDirectory()
        try Self.verify(original: original, stamped: stamped, corner: .topRight, in: scratch)
    }

    @Test(arguments: StampRequest.Corner.allCases)
    func everyCornerOfARotatedPageIsWhereTheReaderSeesIt(corner: StampRequest.Corner) throws {
        for fixture in ["rotated-90.pdf", "rotated-270-inherited.pdf", "classic.pdf"] {
            let original = try Fixture.bytes(fixture)
            let stamped = try PDFStamper.stampFirstPage(of: original, with: Self.request(corner))
            let scratch = try ScratchDirectory()
            try Self.verify(original: original, stamped: stamped, corner: corner, in: scratch)
        }
    }

    @Test(arguments: ["classic.pdf", "object-streams.pdf"])
    func stampingAStampedFileAddsARevision(fixture: String) throws {
        let original = try Fixture.bytes(fixture)
        let once = try PDFStamper.stampFirstPage(of: original, with: Self.request(.bottomLeft))
        let twice = try PDFStamper.stampFirstPage(of: once, with: Self.request(.topRight))
        #expect(twice.starts(with: once))
        let scratch = try ScratchDirectory()
        let path = try scratch.write(twice, to: "twice.pdf")
        let check = try Oracles.qpdfCheck(path)
        #expect(check.ok, "qpdf --check: \(check.report)")
        let rendered = try Oracles.renderFirstPage(path, into: scratch.url)
        #expect(try Oracles.zxing(rendered.pgm)?.count == 2)
    }
}
