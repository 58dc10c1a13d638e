import Foundation
import INSTagging
import Testing

@Suite("Refusals leave the input untouched and nothing behind")
struct RefusalTests {
    enum Expected: Sendable {
        case notAPDF, damaged, encrypted

        func matches(_ error: INSTaggingError) -> Bool {
            switch (self, error) {
            case (.notAPDF, .notAPDF), (.damaged, .damagedPDF), (.encrypted, .encryptedPDF): return true
            default: return false
            }
        }
    }

    static let cases: [(String, Expected)] = [
        ("not-a-pdf.pdf", .notAPDF),
        ("truncated.pdf", .damaged),
        ("bad-startxref.pdf", .damaged),
        ("broken-prev.pdf", .damaged),
        ("encrypted.pdf", .encrypted),
        ("encrypted-empty-user-password.pdf", .encrypted),
    ]

    static let request = StampRequest(payload: TestPayload.example, lines: TestPayload.lines)

    @Test(arguments: cases)
    func refusedFileIsUnchangedAndNoOutputAppears(fixture: String, expected: Expected) throws {
        let original = try Fixture.bytes(fixture)
        let scratch = try ScratchDirectory()
        let input = try scratch.write(original, to: "input.pdf")
        do {
            try INSTaggingFiles.stampFirstPage(
                inputPath: input, outputPath: scratch.path("output.pdf"), with: Self.request)
            Issue.record("\(fixture) was stamped instead of refused")
        } catch {
            #expect(expected.matches(error), "\(fixture): got \(error)")
            #expect(!error.userMessage.isEmpty && !error.technicalDetail.isEmpty)
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: input))) == original)
        #expect(scratch.contents() == ["input.pdf"])
    }

    @Test func emptyInputIsNotAPDF() {
        #expect(throws: INSTaggingError.notAPDF) {
            try PDFStamper.stampFirstPage(of: [], with: Self.request)
        }
    }

    @Test func outputEqualToInputIsRefusedEvenThroughALink() throws {
        let original = try Fixture.bytes("classic.pdf")
        let scratch = try ScratchDirectory()
        let input = try scratch.write(original, to: "input.pdf")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("alias.pdf"), withDestinationPath: input)
        try FileManager.default.linkItem(atPath: input, toPath: scratch.path("hard.pdf"))
        for output in [input, scratch.path("alias.pdf"), scratch.path("hard.pdf"), scratch.url.path + "/./input.pdf"] {
            #expect(throws: INSTaggingError.outputIsInput) {
                try INSTaggingFiles.stampFirstPage(inputPath: input, outputPath: output, with: Self.request)
            }
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: input))) == original)
        #expect(Set(scratch.contents()) == ["input.pdf", "alias.pdf", "hard.pdf"])
    }

    @Test func successfulStampWritesOnlyTheOutput() throws {
        let original = try Fixture.bytes("classic.pdf")
        let scratch = try ScratchDirectory()
        let input = try scratch.write(original, to: "input.pdf")
        try INSTaggingFiles.stampFirstPage(inputPath: input, outputPath: scratch.path("tagged.pdf"), with: Self.request)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: input))) == original)
        #expect(Set(scratch.contents()) == ["input.pdf", "tagged.pdf"])
        let tagged = Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path("tagged.pdf"))))
        #expect(tagged.starts(with: original) && tagged.count > original.count)
    }

    @Test func labelFileIsPublishedWithoutLeftovers() throws {
        let scratch = try ScratchDirectory()
        let output = scratch.path("label.pdf")
        try INSTaggingFiles.writeLabel(
            INSLabelRequest(payload: TestPayload.example, lines: TestPayload.lines), to: output)
        #expect(scratch.contents() == ["label.pdf"])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(bytes.starts(with: Array("%PDF-1.4".utf8)))
        #expect(throws: INSTaggingError.self) {
            try INSTaggingFiles.writeLabel(
                INSLabelRequest(payload: TestPayload.example, lines: TestPayload.lines),
                to: scratch.path("missing-directory/label.pdf"))
        }
        #expect(scratch.contents() == ["label.pdf"])
    }

    @Test func payloadThatIsNotAnINSDataMatrixIsRefused() throws {
        var request = Self.request
        request.payload = Array("HELLO WORLD, NOT AN INS PAYLOAD AT ALL".utf8)
        #expect(throws: INSTaggingError.notAnINSPayload) {
            try PDFStamper.stampFirstPage(of: try Fixture.bytes("classic.pdf"), with: request)
        }
        #expect(throws: INSTaggingError.notAnINSPayload) {
            try INSLabelPDF.make(INSLabelRequest(payload: request.payload, lines: TestPayload.lines))
        }
    }

    @Test func stampThatWouldLeaveThePageIsRefused() throws {
        var request = Self.request
        request.horizontalOffsetMM = 200
        #expect {
            try PDFStamper.stampFirstPage(of: try Fixture.bytes("classic.pdf"), with: request)
        } throws: { error in
            guard case INSTaggingError.doesNotFit = error else { return false }
            return true
        }
    }

    @Test func outOfRangeRequestsAreRefused() throws {
        let pdf = try Fixture.bytes("classic.pdf")
        var tiny = Self.request
        tiny.moduleSizeMM = 0.05
        var noQuietZone = Self.request
        noQuietZone.quietZoneModules = 0
        var negative = Self.request
        negative.verticalOffsetMM = -3
        for request in [tiny, noQuietZone, negative] {
            #expect {
                try PDFStamper.stampFirstPage(of: pdf, with: request)
            } throws: { error in
                guard case INSTaggingError.invalidRequest = error else { return false }
                return true
            }
        }
    }
}
