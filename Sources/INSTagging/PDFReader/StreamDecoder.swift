/// Decodes the streams this module must read (object and cross-reference streams). Only Flate, with or without
/// predictor, is supported: that is what every writer uses for them, and refusing the rest is safer than guessing.
enum StreamDecoder {
    static func decode(_ stream: PDFStream) throws(INSTaggingError) -> [UInt8] {
        let filters: [PDFName]
        let parameters: [PDFDictionary?]
        switch stream.dictionary["Filter"] {
        case nil:
            return Array(stream.data)
        case .name(let name)?:
            filters = [name]
            parameters = [stream.dictionary["DecodeParms"]?.dictionaryValue]
        case .array(let items)?:
            filters = items.compactMap(\.nameValue)
            let rawParameters = stream.dictionary["DecodeParms"]?.arrayValue ?? []
            parameters = filters.indices.map { $0 < rawParameters.count ? rawParameters[$0].dictionaryValue : nil }
            guard filters.count == items.count else {
                throw .damagedPDF(reason: "/Filter array holds a non-name")
            }
        default:
            throw .damagedPDF(reason: "/Filter is neither a name nor an array")
        }
        var data = Array(stream.data)
        for (filter, parameter) in zip(filters, parameters) {
            guard filter == "FlateDecode" || filter == "Fl" else {
                throw .unsupportedPDF(reason: "stream filter /\(filter) in an object or cross-reference stream")
            }
            data = try PredictorDecoder.decode(try FlateDecoder.inflate(data[...]), parameters: parameter)
        }
        return data
    }
}
