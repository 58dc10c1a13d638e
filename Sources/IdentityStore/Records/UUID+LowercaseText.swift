import Foundation

extension UUID {
    /// The lowercase text form every table stores (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`), written straight from
    /// the 16 bytes: `uuidString.lowercased()` formats through the C library and then copies the string again,
    /// twice per row of a million-row import.
    var lowercaseText: String {
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { output in
                digits.withUTF8Buffer { hex in
                    var position = 0
                    for (index, byte) in bytes.enumerated() {
                        if index == 4 || index == 6 || index == 8 || index == 10 {
                            output[position] = UInt8(ascii: "-")
                            position += 1
                        }
                        output[position] = hex[Int(byte >> 4)]
                        output[position + 1] = hex[Int(byte & 0x0F)]
                        position += 2
                    }
                }
                return 36
            }
        }
    }
}
