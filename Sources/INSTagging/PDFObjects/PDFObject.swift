/// The PDF object model (ISO 32000-1 §7.3). Streams keep their raw, still-encoded data.
indirect enum PDFObject: Equatable, Sendable {
    case null
    case boolean(Bool)
    case integer(Int)
    /// The literal text of a real number, kept verbatim so that copying it back is exact.
    case real(String)
    case string([UInt8])
    case name(PDFName)
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(PDFReference)
    case stream(PDFStream)

    var dictionaryValue: PDFDictionary? {
        switch self {
        case .dictionary(let dictionary): return dictionary
        case .stream(let stream): return stream.dictionary
        default: return nil
        }
    }

    var arrayValue: [PDFObject]? {
        if case .array(let array) = self { return array }
        return nil
    }

    var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// Integers and reals as a number; used for boxes and matrices.
    var numberValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let text): return Double(text)
        default: return nil
        }
    }

    var nameValue: PDFName? {
        if case .name(let name) = self { return name }
        return nil
    }

    var referenceValue: PDFReference? {
        if case .reference(let reference) = self { return reference }
        return nil
    }
}

/// A stream object: its dictionary and its encoded bytes.
struct PDFStream: Equatable, Sendable {
    var dictionary: PDFDictionary
    var data: ArraySlice<UInt8>
}
