/// Turns the mention and the traits into printed lines: caption in regular, value in bold, long values wrapped
/// at spaces (continuation lines indented by one em) so that nothing is ever cut off.
enum TextLayout {
    static let mention = "INS à scanner"

    struct EncodedLine {
        let caption: [UInt8]
        let words: [[UInt8]]
    }

    static func encode(_ lines: [LabelLine]) throws(INSTaggingError) -> [EncodedLine] {
        var result: [EncodedLine] = []
        for line in lines {
            let caption = line.caption.isEmpty ? [] : try WinAnsi.encode(line.caption + " : ", field: line.caption)
            var words: [[UInt8]] = []
            for word in line.value.split(separator: " ", omittingEmptySubsequences: true) {
                words.append(try WinAnsi.encode(String(word), field: line.caption))
            }
            result.append(EncodedLine(caption: caption, words: words))
        }
        return result
    }

    /// Lines for a font size, or nil when a single word cannot fit `maximumWidth`.
    static func layout(_ lines: [EncodedLine], fontSize: Double, maximumWidth: Double) throws(INSTaggingError)
        -> [TextLine]?
    {
        let mentionRun = TextRun(font: .helveticaBold, bytes: try WinAnsi.encode(mention, field: "mention"))
        var result = [TextLine(indent: 0, runs: [mentionRun])]
        guard result[0].width(fontSize: fontSize) <= maximumWidth else { return nil }
        let space = [UInt8(ascii: " ")]
        for line in lines {
            var current = TextLine(
                indent: 0, runs: line.caption.isEmpty ? [] : [TextRun(font: .helvetica, bytes: line.caption)])
            if current.width(fontSize: fontSize) > maximumWidth { return nil }
            var value: [UInt8] = []
            for word in line.words {
                let candidate = value.isEmpty ? word : value + space + word
                var trial = current
                trial.runs.append(TextRun(font: .helveticaBold, bytes: candidate))
                if trial.width(fontSize: fontSize) <= maximumWidth {
                    value = candidate
                    continue
                }
                if !value.isEmpty || !current.runs.isEmpty {
                    if !value.isEmpty { current.runs.append(TextRun(font: .helveticaBold, bytes: value)) }
                    result.append(current)
                }
                current = TextLine(indent: fontSize, runs: [])
                value = word
                var alone = current
                alone.runs.append(TextRun(font: .helveticaBold, bytes: word))
                if alone.width(fontSize: fontSize) > maximumWidth { return nil }
            }
            if !value.isEmpty { current.runs.append(TextRun(font: .helveticaBold, bytes: value)) }
            if !current.runs.isEmpty { result.append(current) }
        }
        return result
    }
}
