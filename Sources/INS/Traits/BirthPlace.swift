/// The INSEE COG code of the birthplace: 5 characters, `2A`/`2B` for Corsica, `99xxx` for a birth abroad.
public struct BirthPlace: Hashable, Sendable, Codable, CustomStringConvertible {
    public let cog: String

    public init(cog text: String) throws(TraitError) {
        let code = text.trimmingSpaces.uppercased()
        let chars = Array(code)
        let isValid =
            chars.count == 5
            && chars.enumerated().allSatisfy { index, character in
                character.isASCII && character.isNumber
                    || (index == 1 && chars[0] == "2" && (character == "A" || character == "B"))
            }
        guard isValid else { throw .invalidCOG(text) }
        self.cog = code
    }

    public var isAbroad: Bool { cog.hasPrefix("99") }
    public var description: String { cog }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try BirthPlace(cog: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.technicalDetail)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cog)
    }
}
