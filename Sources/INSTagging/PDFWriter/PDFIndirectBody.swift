/// What follows `n g obj`: a plain object or a stream whose `/Length` is filled in when written.
enum PDFIndirectBody: Sendable {
    case object(PDFObject)
    case stream(PDFDictionary, [UInt8])

    func append(_ reference: PDFReference, to output: inout [UInt8]) {
        output += Array("\(reference.number) \(reference.generation) obj\n".utf8)
        switch self {
        case .object(let object):
            PDFSerializer.append(object, to: &output)
        case .stream(var dictionary, let data):
            dictionary["Length"] = .integer(data.count)
            PDFSerializer.appendDictionary(dictionary, to: &output)
            output += Array("\nstream\n".utf8)
            output += data
            output += Array("\nendstream".utf8)
        }
        output += Array("\nendobj\n".utf8)
    }
}
