import Foundation
import Testing

/// `passerelle datamatrix …` end to end: files written by the binary, read back by independent tools.
@Suite("passerelle datamatrix …")
struct DataMatrixCommandTests {
    static let traits = [
        "--matricule", "285037505612306", "--oid", "1.2.250.1.213.1.4.8", "--nom", "Dupont-Testeur", "--prenoms",
        "Marie-Claire Anne", "--sexe", "F", "--naissance", "1985-03-14", "--lieu", "75056",
    ]
    static let payload = Array(
        "IS010000000000000000000000S1285037505612306S21.2.250.1.213.1.4.8\u{1D}S3MARIE-CLAIRE ANNE\u{1D}S4DUPONT-TESTEUR\u{1D}S5FS614-03-1985S775056"
            .utf8)

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("ins --out label.pdf: qpdf accepts it, the 300-dpi rendering decodes to the payload with the C40 header")
    func insLabelPDF() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let label = directory.appendingPathComponent("label.pdf").path
        let result = try CLIRunner.run(["datamatrix", "ins"] + Self.traits + ["--out", label])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Tool.run("qpdf", ["--check", label]).status == 0)
        let pngPrefix = directory.appendingPathComponent("page").path
        #expect(try Tool.run("pdftoppm", ["-r", "300", "-png", label, pngPrefix]).status == 0)
        let page = try #require(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasPrefix("page") })
        let decoded = try Tool.run("dmtxread", [directory.appendingPathComponent(page).path])
        #expect(decoded.stdoutBytes == Self.payload)
        let codewords = try Tool.run("dmtxread", ["-c", directory.appendingPathComponent(page).path])
        let dataCodewords = codewords.stdout.split(separator: "\n").filter { $0.hasPrefix("d:") }.map {
            $0.dropFirst(2)
        }
        #expect(dataCodewords.prefix(3).compactMap { Int($0) } == [230, 142, 133])
        let text = try Tool.run("pdftotext", [label, "-"])
        #expect(text.stdout.contains("INS à scanner"))
    }

    @Test("ins --out label.png is a 40×40 symbol whose bytes both decoders read back")
    func insLabelPNG() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("label.png").path
        #expect(try CLIRunner.run(["datamatrix", "ins"] + Self.traits + ["--out", png]).status == 0)
        #expect(try Tool.run("dmtxread", [png]).stdoutBytes == Self.payload)
        let zxing = try Tool.zxing(png)
        #expect(zxing.bytes == Self.payload)
        #expect(zxing.symbology == "]d1")
    }

    @Test("encode writes png and pdf that decode to the text; <GS> becomes 0x1D")
    func encode() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("hello.png").path
        #expect(try CLIRunner.run(["datamatrix", "encode", "--text", "Hello<GS>World", "--out", png]).status == 0)
        #expect(try Tool.run("dmtxread", [png]).stdoutBytes == Array("Hello\u{1D}World".utf8))
        let pdf = directory.appendingPathComponent("hello.pdf").path
        #expect(try CLIRunner.run(["datamatrix", "encode", "--text", "123456", "--c40", "--out", pdf]).status == 0)
        #expect(try Tool.run("qpdf", ["--check", pdf]).status == 0)
        let txt = try CLIRunner.run(["datamatrix", "encode", "--text", "123456", "--format", "txt"])
        #expect(txt.status == 0)
        #expect(txt.stdout.contains("█"))
    }

    @Test("tag stamps page 1 by incremental update; a non-PDF is refused and left untouched")
    func tag() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf")
        let label = directory.appendingPathComponent("base.pdf").path
        // Any valid PDF will do as input: an A4-size symbol page made by the binary itself.
        #expect(
            try CLIRunner.run(["datamatrix", "encode", "--text", "PAGE", "--module-mm", "8", "--out", label]).status
                == 0)
        try FileManager.default.copyItem(atPath: label, toPath: input.path)
        let original = try Data(contentsOf: input)
        let output = directory.appendingPathComponent("tagged.pdf").path
        let result = try CLIRunner.run(
            ["datamatrix", "tag", "--in", input.path, "--out", output] + Self.traits + ["--corner", "bottom-left"])
        #expect(result.status == 0, "\(result.stderr)")
        let tagged = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(tagged.prefix(original.count) == original)
        #expect(try Data(contentsOf: input) == original)
        #expect(try Tool.run("qpdf", ["--check", output]).status == 0)

        let notPDF = directory.appendingPathComponent("note.pdf")
        try Data("bonjour".utf8).write(to: notPDF)
        let refused = try CLIRunner.run(
            ["datamatrix", "tag", "--in", notPDF.path, "--out", directory.appendingPathComponent("x.pdf").path]
                + Self.traits)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("PDF"))
        #expect(try Data(contentsOf: notPDF) == Data("bonjour".utf8))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.pdf").path))
    }

    @Test("an identity that breaks an INS rule gets no symbol (exit 2)")
    func refusal() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var arguments = Self.traits
        arguments[1] = "181036322045660"
        let out = directory.appendingPathComponent("label.pdf").path
        let result = try CLIRunner.run(["datamatrix", "ins"] + arguments + ["--out", out])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
