import Foundation

/// PSC fills many fields with empty strings, sometimes numbers where strings are expected, sometimes null.
/// These helpers read "a string if there is something meaningful", never failing the whole document.
extension KeyedDecodingContainer {
    func lenientString(_ key: Key) -> String? {
        if let value = try? decodeIfPresent(String.self, forKey: key) {
            return value.isEmpty ? nil : value
        }
        if let value = try? decodeIfPresent(Int64.self, forKey: key) { return String(value) }
        if let value = try? decodeIfPresent(Double.self, forKey: key) { return String(value) }
        if let value = try? decodeIfPresent(Bool.self, forKey: key) { return String(value) }
        return nil
    }

    func lenientStrings(_ key: Key) -> [String] {
        if let values = try? decodeIfPresent([String?].self, forKey: key) {
            return values.compactMap { $0 }.filter { !$0.isEmpty }
        }
        if let single = lenientString(key) { return [single] }
        return []
    }

    func lenientArray<Element: Decodable>(_ key: Key, of type: Element.Type) -> [Element] {
        (try? decodeIfPresent([Lenient<Element>].self, forKey: key))?.compactMap(\.value) ?? []
    }
}

/// One element that may fail to decode without failing its array.
struct Lenient<Value: Decodable>: Decodable {
    var value: Value?

    init(from decoder: any Decoder) throws {
        value = try? Value(from: decoder)
    }
}

/// Any JSON key, for reading documents whose keys vary.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
