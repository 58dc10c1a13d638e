/// A matricule INS whose syntax **and** key have been checked: 13-character body (NIR or NIA — which one is
/// only known from the OID that comes with it) followed by a two-digit key.
///
/// `description` is redacted on purpose so that string interpolation into a log line never leaks the full
/// number; use `value` where the full matricule is really needed (INSi, DataMatrix, storage).
public struct Matricule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 13-character body, upper case (`2A`/`2B` kept as letters).
    public let body: String
    /// The key, 1…97.
    public let key: Int

    /// Parses and checks a 15-character matricule. Spaces are ignored so that printed forms
    /// (`2 97 02 2A 020 778 78`) are accepted.
    public init(_ text: String) throws(MatriculeError) {
        let inspection = try MatriculeInspection(text)
        self = try inspection.verified()
    }

    init(uncheckedBody body: String, key: Int) {
        self.body = body
        self.key = key
    }

    /// The 15 characters as sent to INSi and written in the DataMatrix.
    public var value: String { body + String(format2: key) }

    /// Grouped the way it is printed on documents: sex, year, month, department, commune, order, key.
    public var grouped: String {
        let c = Array(value)
        let groups = [0..<1, 1..<3, 3..<5, 5..<7, 7..<10, 10..<13, 13..<15]
        return groups.map { String(c[$0]) }.joined(separator: " ")
    }

    /// Safe for logs: the first character and the key only.
    public var redacted: String { "\(body.prefix(1))••••••••••••\(String(format2: key))" }

    public var description: String { redacted }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Matricule(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.technicalDetail)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
