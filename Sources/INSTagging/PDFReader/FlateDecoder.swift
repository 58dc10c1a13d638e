import CZlib

/// Inflates `/FlateDecode` data (zlib format, RFC 1950) through the system zlib.
enum FlateDecoder {
    /// A cross-reference or object stream larger than this is treated as hostile (decompression bomb).
    static let maximumOutput = 256 * 1024 * 1024

    static func inflate(_ input: ArraySlice<UInt8>) throws(INSTaggingError) -> [UInt8] {
        var source = Array(input)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .unsupportedPDF(reason: "zlib inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var status: Int32 = Z_OK
        source.withUnsafeMutableBufferPointer { sourceBuffer in
            stream.next_in = sourceBuffer.baseAddress
            stream.avail_in = uInt(sourceBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if produced == 0 && stream.avail_in == 0 { break }
            } while status == Z_OK && output.count <= maximumOutput
        }
        if output.count > maximumOutput {
            throw .unsupportedPDF(reason: "Flate stream inflates beyond \(maximumOutput) bytes")
        }
        // Z_BUF_ERROR with all input consumed: the stream lacks its end marker; what was inflated is usable.
        guard status == Z_STREAM_END || status == Z_OK || status == Z_BUF_ERROR else {
            throw .damagedPDF(reason: "corrupt Flate stream (zlib status \(status))")
        }
        return output
    }
}
