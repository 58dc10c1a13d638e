import INS
import PropertyBased
import Testing

@Suite("INSi lexical normaliser")
struct LexicalNormalizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let field: TraitField
        let typed: String
        let expected: String
        var testDescription: String { "\(field.rawValue): \(typed.debugDescription) → \(expected)" }
    }

    static let table: [Case] = {
        (try? Fixture.rows("lexical-table.tsv"))?.compactMap { row in
            guard row.count == 3, let field = TraitField(rawValue: row[0]) else { return nil }
            return Case(field: field, typed: row[1], expected: row[2])
        } ?? []
    }()

    @Test("the fixture table is loaded")
    func tableLoaded() { #expect(Self.table.count >= 30) }

    @Test("table: accepted forms and refusals with field, reason and position", arguments: table)
    func tableCase(_ item: Case) {
        if item.expected.hasPrefix("!") {
            let spec = item.expected.dropFirst().split(separator: "@")
            do {
                let normal = try LexicalNormalizer.normalize(item.typed, field: item.field)
                Issue.record("expected a refusal, got \(normal)")
            } catch {
                #expect(error.field == item.field)
                #expect(error.reason.rawValue == spec[0])
                if spec.count > 1 { #expect(error.position == Int(spec[1])) }
                #expect(!error.userMessage.isEmpty)
            }
        } else {
            do {
                #expect(try LexicalNormalizer.normalize(item.typed, field: item.field) == item.expected)
            } catch {
                Issue.record("refused: \(error.technicalDetail)")
            }
        }
    }

    @Test("a refused character is named in the French message with its position")
    func messageNamesCharacter() {
        do {
            _ = try LexicalNormalizer.normalize("DUP0NT", field: .nomNaissance)
            Issue.record("digits must be refused")
        } catch {
            #expect(error.character == "0")
            #expect(error.userMessage.contains("« 0 »"))
            #expect(error.userMessage.contains("position 4"))
            #expect(error.userMessage.contains("nom de naissance"))
        }
    }

    @Test("every Latin-1 and Latin Extended-A letter is transliterated to A–Z")
    func latinLetters() throws {
        for value in UInt32(0xC0)...0x17F {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic, value != 0xD7, value != 0xF7
            else { continue }
            let normal = try LexicalNormalizer.normalize("A" + String(Character(scalar)), field: .nomNaissance)
            #expect(
                normal.allSatisfy { ("A"..."Z").contains($0) || $0 == "'" }, "U+\(String(value, radix: 16)) → \(normal)"
            )
        }
    }

    @Test("decomposed input (base + combining accent) gives the same result as precomposed")
    func decomposed() throws {
        #expect(try LexicalNormalizer.normalize("E\u{301}LODIE", field: .prenoms) == "ELODIE")
        #expect(try LexicalNormalizer.normalize("C\u{327}A", field: .nomNaissance) == "CA")
    }

    static let alphabet: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ '-éèçœæßÉÀabcxyz0_.’‐\u{A0}")

    @Test("property: idempotent, and the output is inside the INSi alphabet or an error")
    func idempotentAndClosed() async {
        let generator = Gen<Character?>.element(of: Self.alphabet).compactMap { $0 }.array(of: 0...24).map {
            String($0)
        }
        await propertyCheck(
            count: 2_000, input: generator, Gen<TraitField?>.element(of: TraitField.allCases).compactMap { $0 }
        ) {
            text, field in
            guard let normal = try? LexicalNormalizer.normalize(text, field: field) else { return }
            #expect(normal.allSatisfy { ("A"..."Z").contains($0) || $0 == " " || $0 == "'" || $0 == "-" })
            #expect((try? LexicalNormalizer.normalize(normal, field: field)) == normal)
        }
    }
}
