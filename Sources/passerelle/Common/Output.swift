import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Human tables and JSON for programs.
enum Output {
    static func printJSON(_ object: Any) {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options) else { return }
        print(String(decoding: data, as: UTF8.self))
    }

    /// One compact JSON line (ready lines, streaming output).
    static func printJSONLine(_ object: Any) {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options) else { return }
        print(String(decoding: data, as: UTF8.self))
    }

    /// Two aligned columns: French caption, value.
    static func printTable(_ rows: [(String, String)]) {
        let width = rows.map(\.0.count).max() ?? 0
        for (caption, value) in rows {
            print(caption + String(repeating: " ", count: width - caption.count) + " : " + value)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
