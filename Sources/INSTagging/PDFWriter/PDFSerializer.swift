/// Writes `PDFObject`s back to bytes. Strings are written in hexadecimal so that copied values stay byte-exact.
enum PDFSerializer {
    static func bytes(of object: PDFObject) -> [UInt8] {
        var output: [UInt8] = []
        append(object, to: &output)
        return output
    }

    static func append(_ object: PDFObject, to output: inout [UInt8]) {
        switch object {
        case .null:
            output += Array("null".utf8)
        case .boolean(let value):
            output += Array((value ? "true" : "false").utf8)
        case .integer(let value):
            output += Array(String(value).utf8)
        case .real(let text):
            output += Array(text.utf8)
        case .string(let bytes):
            appendHexString(bytes, to: &output)
        case .name(let name):
            appendName(name, to: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(0x20) }
                append(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            appendDictionary(dictionary, to: &output)
        case .reference(let reference):
            output += Array("\(reference.number) \(reference.generation) R".utf8)
        case .stream(let stream):
            // Streams are only ever written as indirect objects (see `PDFIndirectBody`); keep the dictionary.
            appendDictionary(stream.dictionary, to: &output)
        }
    }

    static func appendDictionary(_ dictionary: PDFDictionary, to output: inout [UInt8]) {
        output += Array("<<".utf8)
        for (key, value) in dictionary.entries {
            appendName(key, to: &output)
            output.append(0x20)
            append(value, to: &output)
            output.append(0x20)
        }
        output += Array(">>".utf8)
    }

    static func appendName(_ name: PDFName, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "/"))
        for byte in name.bytes {
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "#"), PDFCharacterClass.isRegular(byte) {
                output.append(byte)
            } else {
                output += Array("#".utf8) + hexDigits(byte)
            }
        }
    }

    static func appendHexString(_ bytes: [UInt8], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "<"))
        for byte in bytes {
            output += hexDigits(byte)
        }
        output.append(UInt8(ascii: ">"))
    }

    private static func hexDigits(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
