import Foundation
import INS
import INSTagging
import Testing

@Suite("INS label PDF", .serialized)
struct LabelPDFTests {
    /// qpdf, both decoders and pdftotext on a label; returns the text of the page.
    static func verify(_ pdf: [UInt8], payload: [UInt8] = TestPayload.example) throws -> String {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(pdf, to: "label.pdf")
        let check = try Oracles.qpdfCheck(path)
        #expect(check.ok, "\(check.report)")
        #expect(try Oracles.pageCount(path) == 1)
        let rendered = try Oracles.renderFirstPage(path, into: scratch.url)
        #expect(try Oracles.dmtxread(rendered.png) == payload, "dmtxread")
        let zxing = try #require(try Oracles.zxing(rendered.pgm), "zxing-cpp found no DataMatrix")
        #expect(zxing.bytes == payload, "zxing-cpp")
        let text = try Oracles.textOfFirstPage(path)
        #expect(text.contains("INS à scanner"))
        return text
    }

    @Test func labelPassesQpdfAndDecodesToThePayloadWithBothReaders() throws {
        let pdf = try INSLabelPDF.make(INSLabelRequest(payload: TestPayload.example, lines: TestPayload.lines))
        let text = try Self.verify(pdf)
        #expect(text.contains("Nom de naissance : DUPONT-TESTEUR"))
        #expect(text.contains("Prénom(s) : MARIE-CLAIRE ANNE"))
        #expect(text.contains("Sexe : F"))
        #expect(text.contains("Né(e) le : 14/03/1985"))
        #expect(text.contains("Lieu de naissance (COG) : 75056"))
        #expect(text.contains("INS (NIR) : 2 85 03 75 056 123 06"))
    }

    @Test func labelFromTheINSModuleEncodesTheSameBytesAsTheSpecExample() throws {
        let identifier = try INSIdentifier(matricule: "285037505612306", oid: "1.2.250.1.213.1.4.8")
        let traits = try Traits(
            nomNaissance: "DUPONT-TESTEUR", prenoms: "MARIE-CLAIRE ANNE", sexe: .feminin,
            naissance: BirthDate(year: 1985, month: 3, day: 14), lieuNaissance: BirthPlace(cog: "75056")
        ).normalized()
        let payload = try INSDataMatrixPayload(identifier: identifier, traits: traits, status: .qualifiee)
        #expect(payload.bytes == TestPayload.example)
        let text = try Self.verify(try INSLabelPDF.make(INSLabelRequest(payload: payload)))
        #expect(text.contains("INS-NIR : 2 85 03 75 056 123 06"))
        #expect(text.contains("Né(e) le : 14/03/1985"))
    }

    @Test func accentsApostrophesAndParenthesesSurviveExtraction() throws {
        let lines = [
            LabelLine(caption: "Nom d'usage", value: "L'HÔPITAL-ÇÀÉÈÎÔ"),
            LabelLine(caption: "Remarque (test)", value: "« œuvre » ’ € \\ ) ("),
        ]
        let pdf = try INSLabelPDF.make(INSLabelRequest(payload: TestPayload.example, lines: lines))
        let text = try Self.verify(pdf)
        #expect(text.contains("Nom d'usage : L'HÔPITAL-ÇÀÉÈÎÔ"))
        #expect(text.contains("Remarque (test) : « œuvre » ’ € \\ ) ("))
    }

    @Test func a4SheetWithTheLabelAtAPosition() throws {
        let request = INSLabelRequest(
            payload: TestPayload.example, lines: TestPayload.lines, page: .a4(frameXMM: 120, frameYMM: 200))
        let scratch = try ScratchDirectory()
        let path = try scratch.write(try INSLabelPDF.make(request), to: "a4.pdf")
        let rendered = try Oracles.renderFirstPage(path, into: scratch.url)
        let zxing = try #require(try Oracles.zxing(rendered.pgm))
        #expect(zxing.bytes == TestPayload.example)
        // Frame at 120 mm of 210 from the left and 200 mm of 297 from the top.
        #expect(zxing.centreX > 120 / 210 && zxing.centreX < 150 / 210, "x \(zxing.centreX)")
        #expect(zxing.centreY > 200 / 297 && zxing.centreY < 235 / 297, "y \(zxing.centreY)")
        #expect(try Oracles.qpdfCheck(path).ok)
    }

    @Test func longestPrenomsAreWrappedNotCut() throws {
        let prenoms = (0..<9).map { _ in "MARIE-CLAIRE" }.joined(separator: " ")
        var lines = TestPayload.lines
        lines[1] = .prenoms(prenoms)
        let pdf = try INSLabelPDF.make(
            INSLabelRequest(payload: TestPayload.example, lines: lines, page: .label(widthMM: 89, heightMM: 36)))
        let text = try Self.verify(pdf)
        #expect(text.split(whereSeparator: \.isWhitespace).filter { $0 == "MARIE-CLAIRE" }.count == 9)
    }

    @Test func symbolIsDrawnAsOneFilledPathWithoutStroke() throws {
        let pdf = try INSLabelPDF.make(INSLabelRequest(payload: TestPayload.example, lines: TestPayload.lines))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.components(separatedBy: "\nf\n").count == 2, "exactly one fill of the module runs")
        #expect(!text.contains(" S\n") && !text.contains("\nS\n"), "no stroke")
        #expect(!text.contains("FontFile"), "no embedded font")
        #expect(text.contains("/Producer <") && text.contains("/ID ["))
    }

    @Test func labelRefusalsAreTyped() throws {
        let tooSmall = INSLabelRequest(
            payload: TestPayload.example, lines: TestPayload.lines, page: .label(widthMM: 20, heightMM: 12))
        #expect {
            try INSLabelPDF.make(tooSmall)
        } throws: { error in
            guard case INSTaggingError.doesNotFit = error else { return false }
            return true
        }
        let polish = INSLabelRequest(payload: TestPayload.example, lines: [.prenoms("MAŁGORZATA")])
        #expect(throws: INSTaggingError.unencodableCharacter("Ł", field: "Prénom(s)")) {
            try INSLabelPDF.make(polish)
        }
    }
}
