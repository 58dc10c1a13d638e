/// PNG of a symbol, written by our own code: one pixel per module times an integer scale (no interpolation, so
/// every module edge falls on a pixel edge), quiet zone included, zlib-compressed with a real DEFLATE stream.
public enum PNGRenderer {
    public enum PixelFormat: Sendable, Equatable {
        /// 1 bit per pixel with a two-entry palette (white, black): the smallest file.
        case oneBitPalette
        /// 8-bit greyscale, for tools that dislike palettes.
        case eightBitGrey
    }

    /// - Parameter scale: pixels per module, 1…100.
    public static func render(
        _ symbol: DataMatrixSymbol, scale: Int = 4, format: PixelFormat = .oneBitPalette
    ) throws(DataMatrixError) -> [UInt8] {
        guard (1...100).contains(scale) else {
            throw .invalidRenderingParameter(name: "scale", value: "\(scale)")
        }
        let width = symbol.totalColumns * scale
        let height = symbol.totalRows * scale
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        switch format {
        case .oneBitPalette: header += [1, 3, 0, 0, 0]  // bit depth 1, colour type 3 (palette)
        case .eightBitGrey: header += [8, 0, 0, 0, 0]  // bit depth 8, colour type 0 (grey)
        }
        appendChunk("IHDR", header, to: &png)
        if format == .oneBitPalette {
            appendChunk("PLTE", [255, 255, 255, 0, 0, 0], to: &png)  // index 0 light, 1 dark
        }
        let raster = scanlines(symbol, scale: scale, format: format)
        appendChunk("IDAT", zlib(raster), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Every scanline starts with filter type 0 (none); module rows repeat `scale` times.
    private static func scanlines(_ symbol: DataMatrixSymbol, scale: Int, format: PixelFormat) -> [UInt8] {
        let width = symbol.totalColumns * scale
        var raster: [UInt8] = []
        for row in 0..<symbol.totalRows {
            var line: [UInt8] = [0]
            switch format {
            case .oneBitPalette:
                var packed = [UInt8](repeating: 0, count: (width + 7) / 8)
                for x in 0..<width where symbol.isDark(paddedRow: row, paddedColumn: x / scale) {
                    packed[x / 8] |= 0x80 >> UInt8(x % 8)
                }
                line += packed
            case .eightBitGrey:
                for x in 0..<width {
                    line.append(symbol.isDark(paddedRow: row, paddedColumn: x / scale) ? 0 : 255)
                }
            }
            for _ in 0..<scale { raster += line }
        }
        return raster
    }

    private static func zlib(_ data: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x01 makes the header a multiple of 31.
        [0x78, 0x01] + Deflate.compress(data) + bigEndian(Adler32.checksum(data))
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count))
        png += typeBytes
        png += data
        png += bigEndian(CRC32.checksum(typeBytes + data))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [
            UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value),
        ]
    }
}
