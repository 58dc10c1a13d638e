import INS

/// Turns one CSV record into a new identity, or says which field is wrong and why.
struct CSVLineParser {
    static let required = ["nom", "prenoms", "sexe", "naissance"]
    static let optional = ["lieu", "matricule", "oid", "nom_utilise", "prenom_utilise"]

    let columns: [String: Int]
    let width: Int
    /// Column positions looked up once from the header, not per line.
    private let nom: Int?
    private let prenoms: Int?
    private let sexe: Int?
    private let naissance: Int?
    private let lieu: Int?
    private let matricule: Int?
    private let oid: Int?
    private let nomUtilise: Int?
    private let prenomUtilise: Int?

    init(header: [String]) throws(StoreError) {
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            columns[key.hasPrefix("\u{FEFF}") ? String(key.dropFirst()) : key] = index
        }
        for name in Self.required where columns[name] == nil {
            throw .invalidInput(field: "en-tête", reason: "colonne « \(name) » absente")
        }
        self.columns = columns
        self.width = header.count
        (nom, prenoms, sexe, naissance) = (columns["nom"], columns["prenoms"], columns["sexe"], columns["naissance"])
        (lieu, matricule, oid) = (columns["lieu"], columns["matricule"], columns["oid"])
        (nomUtilise, prenomUtilise) = (columns["nom_utilise"], columns["prenom_utilise"])
    }

    func parse(_ record: CSVRecordReader.Record) -> Result<ParsedLine, ImportLineError> {
        let line = record.line
        guard record.fields.count == width else {
            return .failure(
                ImportLineError(
                    line: line, field: "ligne", code: "import.column-count",
                    message: "La ligne compte \(record.fields.count) colonnes au lieu de \(width).",
                    detail: "expected \(width) fields, got \(record.fields.count)"))
        }
        func value(_ column: Int?) -> String? {
            guard let column else { return nil }
            let text = Self.trimmed(record.fields[column])
            return text.isEmpty ? nil : text
        }
        let traits: Traits
        let normalized: NormalizedTraits
        do {
            traits = try Traits(
                nomNaissance: value(nom) ?? "", prenoms: value(prenoms) ?? "", sexe: value(sexe) ?? "",
                naissance: value(naissance) ?? "", lieuNaissance: value(lieu))
            normalized = try traits.normalized()
        } catch let error as TraitError {
            return .failure(ImportLineError(line: line, field: Self.field(of: error), error: error))
        } catch let error as LexicalError {
            return .failure(ImportLineError(line: line, field: Self.field(of: .lexical(error)), error: error))
        } catch {
            return .failure(
                ImportLineError(
                    line: line, field: "ligne", code: "import.unexpected", message: "Ligne illisible.",
                    detail: "\(error)"))
        }
        var ins: INSIdentifier?
        switch (value(matricule), value(oid)) {
        case (nil, nil): break
        case (let matricule?, let oid?):
            do { ins = try INSIdentifier(matricule: matricule, oid: oid) } catch {
                let field = if case .oid = error { "oid" } else { "matricule" }
                return .failure(ImportLineError(line: line, field: field, error: error))
            }
        case (nil, _?), (_?, nil):
            return .failure(
                ImportLineError(
                    line: line, field: value(matricule) == nil ? "matricule" : "oid", code: "import.ins-incomplete",
                    message: "Le matricule INS et son OID vont ensemble : renseignez les deux ou aucun.",
                    detail: "matricule and oid must both be present or both be empty"))
        }
        return .success(
            ParsedLine(
                identity: NewIdentity(
                    traits: traits, nomUtilise: value(nomUtilise), prenomUtilise: value(prenomUtilise), ins: ins),
                normalized: normalized))
    }

    /// `trimmingCharacters(in: .whitespaces)` without its cost on the usual field, which neither starts nor ends
    /// with a space: that check is one scalar at each end.
    static func trimmed(_ text: String) -> String {
        // The usual field starts and ends with a visible ASCII byte: two byte reads, no Unicode properties.
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if let first = text.utf8.first, let last = text.utf8.last, visible.contains(first), visible.contains(last) {
            return text
        }
        func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard isSpace(scalars.first) || isSpace(scalars.last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func field(of error: TraitError) -> String {
        switch error {
        case .invalidSexe: "sexe"
        case .unparsableDate, .impossibleDate: "naissance"
        case .invalidCOG: "lieu"
        case .lexical(let lexical):
            switch lexical.field {
            case .nomNaissance: "nom"
            case .prenoms, .premierPrenom: "prenoms"
            case .nomUtilise: "nom_utilise"
            case .prenomUtilise: "prenom_utilise"
            }
        }
    }
}

/// A good line: the identity and its traits already normalised (the parser had to normalise them to judge the
/// line; the store does not do it twice).
struct ParsedLine: Sendable {
    let identity: NewIdentity
    let normalized: NormalizedTraits
}
