import Foundation
import INSTagging
import Testing

@Suite("INS label PDF")
struct LabelPDFTests {
    @Test func labelPassesQpdfAndDecodesToThePayloadWithBothReaders() throws {
        let pdf = try INSLabelPDF.make(INSLabelRequest(payload: TestPayload.example, lines: TestPayload.lines))
        let scratch = try ScratchDirectory()
        let path = try scratch.write(pdf, to: "label.pdf")
        let check = try Oracles.qpdfCheck(path)
        #expect(check.ok, "\(check.report)")
        #expect(try Oracles.pageCount(path) == 1)
        let rendered = try Oracles.renderFirstPage(path, into: scratch.url)
        #expect(try Oracles.dmtxread(rendered.png) == TestPayload.example)
        #expect(try Oracles.zxing(rendered.pgm)?.bytes == TestPayload.example)
        let text = try Oracles.textOfFirstPage(path)
        #expect(text.contains("INS à scanner"))
        #expect(text.contains("Prénom(s) : MARIE-CLAIRE ANNE"))
        #expect(text.contains("Né(e) le : 14/03/1985"))
        #expect(text.contains("INS (NIR) : 2 85 03 75 056 123 06"))
    }
}
