/// Undoes the `/Predictor` of `/DecodeParms` (ISO 32000-1 §7.4.4.4): PNG filters, and TIFF 2 for 8-bit samples.
enum PredictorDecoder {
    static func decode(_ data: [UInt8], parameters: PDFDictionary?) throws(INSTaggingError) -> [UInt8] {
        let predictor = parameters?["Predictor"]?.integerValue ?? 1
        if predictor == 1 { return data }
        let colors = parameters?["Colors"]?.integerValue ?? 1
        let bitsPerComponent = parameters?["BitsPerComponent"]?.integerValue ?? 8
        let columns = parameters?["Columns"]?.integerValue ?? 1
        guard (1...32).contains(colors), [1, 2, 4, 8, 16].contains(bitsPerComponent), (1...1_000_000).contains(columns)
        else {
            throw .unsupportedPDF(reason: "predictor parameters out of range")
        }
        guard colors * bitsPerComponent * columns <= 8 * 1_048_576 else {
            throw .unsupportedPDF(reason: "predictor rows longer than 1 MiB")
        }
        let bytesPerPixel = max(1, colors * bitsPerComponent / 8)
        let rowLength = (colors * bitsPerComponent * columns + 7) / 8
        if predictor == 2 {
            guard bitsPerComponent == 8 else {
                throw .unsupportedPDF(reason: "TIFF predictor with \(bitsPerComponent) bits per component")
            }
            return tiff(data, rowLength: rowLength, bytesPerPixel: bytesPerPixel)
        }
        guard predictor >= 10 else {
            throw .unsupportedPDF(reason: "predictor \(predictor)")
        }
        return try png(data, rowLength: rowLength, bytesPerPixel: bytesPerPixel)
    }

    private static func tiff(_ data: [UInt8], rowLength: Int, bytesPerPixel: Int) -> [UInt8] {
        var output = data
        var rowStart = 0
        while rowStart < output.count {
            let rowEnd = min(rowStart + rowLength, output.count)
            var index = rowStart + bytesPerPixel
            while index < rowEnd {
                output[index] = output[index] &+ output[index - bytesPerPixel]
                index += 1
            }
            rowStart += rowLength
        }
        return output
    }

    private static func png(_ data: [UInt8], rowLength: Int, bytesPerPixel: Int) throws(INSTaggingError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowLength)
        var current = [UInt8](repeating: 0, count: rowLength)
        var position = 0
        while position < data.count {
            let filter = data[position]
            position += 1
            let available = min(rowLength, data.count - position)
            for index in 0..<rowLength {
                let raw = index < available ? data[position + index] : 0
                let left = index >= bytesPerPixel ? current[index - bytesPerPixel] : 0
                let up = previous[index]
                let upLeft = index >= bytesPerPixel ? previous[index - bytesPerPixel] : 0
                switch filter {
                case 0: current[index] = raw
                case 1: current[index] = raw &+ left
                case 2: current[index] = raw &+ up
                case 3: current[index] = raw &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: current[index] = raw &+ paeth(left: left, up: up, upLeft: upLeft)
                default: throw .damagedPDF(reason: "unknown PNG predictor filter \(filter)")
                }
            }
            output.append(contentsOf: current[0..<available])
            position += available
            swap(&previous, &current)
        }
        return output
    }

    private static func paeth(left: UInt8, up: UInt8, upLeft: UInt8) -> UInt8 {
        let estimate = Int(left) + Int(up) - Int(upLeft)
        let distanceLeft = abs(estimate - Int(left))
        let distanceUp = abs(estimate - Int(up))
        let distanceUpLeft = abs(estimate - Int(upLeft))
        if distanceLeft <= distanceUp && distanceLeft <= distanceUpLeft { return left }
        if distanceUp <= distanceUpLeft { return up }
        return upLeft
    }
}
