/// A syntactically valid matricule whose key has **not** been judged yet.
///
/// INSi answers are read through this type: a key mismatch in an answer is a fact to report (flag the answer,
/// refuse to store the identity as valid), not a reason to fail parsing the whole response.
public struct MatriculeInspection: Hashable, Sendable {
    public let body: String
    public let givenKey: Int
    /// 97 − (body mod 97), with Corsica's 2A → 19 and 2B → 18 substituted first.
    public let expectedKey: Int

    public var isKeyValid: Bool { givenKey == expectedKey }

    public init(_ text: String) throws(MatriculeError) {
        let characters = Array(text.filter { $0 != " " })
        guard characters.count == 15 else { throw .wrongLength(characters.count) }
        var body = ""
        for (index, character) in characters.prefix(13).enumerated() {
            let position = index + 1
            if character.isASCII, character.isNumber {
                body.append(character)
            } else if index == 6, character == "A" || character == "B" || character == "a" || character == "b" {
                guard characters[5] == "2" else { throw .invalidCorsicanDepartment(position: position) }
                body.append(Character(character.uppercased()))
            } else {
                throw .invalidCharacter(character, position: position)
            }
        }
        var key = 0
        for (index, character) in characters.suffix(2).enumerated() {
            guard character.isASCII, let digit = character.wholeNumberValue else {
                throw .invalidCharacter(character, position: 14 + index)
            }
            key = key * 10 + digit
        }
        self.body = body
        self.givenKey = key
        self.expectedKey = MatriculeKey.compute(body: body)
    }

    /// The checked matricule, or `.keyMismatch` with both keys.
    public func verified() throws(MatriculeError) -> Matricule {
        guard isKeyValid else { throw .keyMismatch(given: givenKey, expected: expectedKey) }
        return Matricule(uncheckedBody: body, key: givenKey)
    }
}
