/// A decoded `/Type /ObjStm` (ISO 32000-1 §7.5.7): the objects it holds are parsed on demand.
struct ObjectStream {
    private let data: [UInt8]
    private let first: Int
    /// (object number, offset relative to `/First`) in stored order.
    private let directory: [(number: Int, offset: Int)]

    init(_ stream: PDFStream) throws(INSTaggingError) {
        guard stream.dictionary["Type"]?.nameValue == "ObjStm",
            let count = stream.dictionary["N"]?.integerValue, count >= 0,
            let first = stream.dictionary["First"]?.integerValue, first >= 0
        else {
            throw .damagedPDF(reason: "object stream without /Type /ObjStm, /N or /First")
        }
        let data = try StreamDecoder.decode(stream)
        guard first <= data.count else {
            throw .damagedPDF(reason: "object stream /First beyond its data")
        }
        var lexer = PDFLexer(bytes: data, position: 0)
        var directory: [(Int, Int)] = []
        for _ in 0..<count {
            guard case .integer(let number)? = try? lexer.nextToken(),
                case .integer(let offset)? = try? lexer.nextToken(), offset >= 0, offset < data.count - first
            else {
                throw .damagedPDF(reason: "object stream directory is malformed")
            }
            directory.append((number, offset))
        }
        self.data = data
        self.first = first
        self.directory = directory
    }

    func object(number: Int, index: Int) throws(INSTaggingError) -> PDFObject {
        let slot: (number: Int, offset: Int)?
        if index >= 0, index < directory.count, directory[index].number == number {
            slot = directory[index]
        } else {
            slot = directory.first { $0.number == number }
        }
        guard let slot else {
            throw .damagedPDF(reason: "object \(number) missing from its object stream")
        }
        var parser = PDFObjectParser(bytes: data, position: first + slot.offset)
        do {
            return try parser.parseObject()
        } catch {
            throw .damagedPDF(reason: "object \(number) in object stream: \(error.message)")
        }
    }
}
