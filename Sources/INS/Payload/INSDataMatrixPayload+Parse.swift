extension INSDataMatrixPayload {
    /// Parses scanned text; a literal `<GS>` (any case) stands for the 0x1D byte.
    public static func parse(_ text: String) throws(PayloadError) -> INSDataMatrixPayload {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        let marker = Array("<GS>".utf8)
        var index = 0
        while index < utf8.count {
            if index + 4 <= utf8.count, zip(utf8[index..<index + 4], marker).allSatisfy({ $0.0 | 0x20 == $0.1 | 0x20 })
            {
                bytes.append(groupSeparator)
                index += 4
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return try parse(bytes)
    }

    /// Parses payload bytes: header, then blocks in any order.
    public static func parse(_ bytes: [UInt8]) throws(PayloadError) -> INSDataMatrixPayload {
        guard !bytes.contains(where: { $0 > 0x7E || ($0 < 0x20 && $0 != groupSeparator) }) else { throw .nonASCII }
        let header = Array(Self.header.utf8)
        guard bytes.count >= header.count, bytes.starts(with: Array("IS".utf8)) else { throw .missingHeader }
        guard bytes[2] == UInt8(ascii: "0"), bytes[3] == UInt8(ascii: "1") else {
            throw .unsupportedVersion(String(decoding: bytes[2..<4], as: UTF8.self))
        }
        var values: [PayloadField: String] = [:]
        var position = header.count
        while position < bytes.count {
            if bytes[position] == groupSeparator {
                position += 1
                continue
            }
            guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "S"),
                let field = PayloadField(rawValue: Int(bytes[position + 1]) - 0x30)
            else { throw .unexpectedData(offset: position) }
            guard values[field] == nil else { throw .duplicateBlock(field.rawValue) }
            position += 2
            let start = position
            if let length = field.fixedLength {
                guard position + length <= bytes.count else { throw .truncatedBlock(field.rawValue) }
                position += length
            } else {
                while position < bytes.count, bytes[position] != groupSeparator, position - start < field.maximumLength
                {
                    position += 1
                }
            }
            values[field] = String(decoding: bytes[start..<position], as: UTF8.self)
        }
        return try assemble(values)
    }

    private static func assemble(_ values: [PayloadField: String]) throws(PayloadError) -> INSDataMatrixPayload {
        func required(_ field: PayloadField) throws(PayloadError) -> String {
            guard let value = values[field], !value.isEmpty else { throw .missingBlock(field.rawValue) }
            return value
        }
        let (matricule, oid) = (try required(.matricule), try required(.oid))
        let (prenoms, nom) = (try required(.prenoms), try required(.nomNaissance))
        let (sexe, date) = (try required(.sexe), try required(.dateNaissance))
        let identifier: INSIdentifier
        do { identifier = try INSIdentifier(matricule: matricule, oid: oid) } catch { throw .invalidIdentifier(error) }
        do {
            let traits = try readTraits(
                nom: nom, prenoms: prenoms, sexe: sexe, date: date, cog: values[.lieuNaissance])
            return INSDataMatrixPayload(identifier: identifier, traits: traits)
        } catch {
            throw .invalidTraits(error)
        }
    }

    private static func readTraits(
        nom: String, prenoms: String, sexe: String, date: String, cog: String?
    ) throws(TraitError) -> NormalizedTraits {
        let sexe = try Sexe(validating: sexe)
        let date = try BirthDate(dataMatrix: date)
        let place = try cog.map { text throws(TraitError) in try BirthPlace(cog: text) }
        do {
            return try NormalizedTraits(
                validating: nom, prenoms: prenoms, sexe: sexe, naissance: date, lieuNaissance: place)
        } catch {
            throw .lexical(error)
        }
    }
}
