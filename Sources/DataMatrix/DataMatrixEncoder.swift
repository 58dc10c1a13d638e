/// ECC 200 Data Matrix encoder (ISO/IEC 16022). Pure computation: no I/O, no knowledge of what the bytes mean.
public enum DataMatrixEncoder {
    /// Encodes `bytes` in the smallest allowed symbol for the chosen encodation.
    public static func encode(
        _ bytes: [UInt8], options: DataMatrixOptions = .init()
    ) throws(DataMatrixError) -> DataMatrixSymbol {
        guard options.quietZone >= 0 else { throw .invalidQuietZone(options.quietZone) }
        let forcedC40Count: Int
        switch options.encodation {
        case .minimal:
            forcedC40Count = 0
        case .forcedC40Prefix(let count):
            guard count >= 0 else { throw .invalidC40PrefixLength(count) }
            forcedC40Count = count
        case .wholeMessageC40:
            forcedC40Count = bytes.count
        }
        if let minimum = options.minimumSize, options.shape == .square, !minimum.isSquare {
            throw .minimumSizeNotAllowed(minimum.description)
        }
        let candidates = SymbolSize.candidates(shape: options.shape, minimum: options.minimumSize)
        let encoded = try DataEncodation.encode(bytes, forcedC40Count: forcedC40Count, candidates: candidates)
        let errorCodewords = BlockInterleaving.errorCodewords(for: encoded.codewords, size: encoded.size)
        let modules = SymbolLayout.modules(codewords: encoded.codewords + errorCodewords, size: encoded.size)
        return DataMatrixSymbol(
            size: DataMatrixSize(validated: encoded.size), quietZone: options.quietZone,
            dataCodewords: encoded.codewords, messageCodewordCount: encoded.dataLength, errorCodewords: errorCodewords,
            modules: modules)
    }

    /// Encodes a string as ISO-8859-1 bytes (ASCII is a subset). Characters beyond U+00FF are refused rather than
    /// silently transcoded, because a reader would return different bytes.
    public static func encode(
        _ text: String, options: DataMatrixOptions = .init()
    ) throws(DataMatrixError) -> DataMatrixSymbol {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard scalar.value <= 0xFF else {
                throw .characterNotEncodable(character: String(scalar), offset: offset)
            }
            bytes.append(UInt8(scalar.value))
        }
        return try encode(bytes, options: options)
    }
}
