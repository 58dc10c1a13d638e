import INS

/// One matricule as INSi returned it (INSACTIF or an INSHISTO entry). The key is read through
/// `MatriculeInspection`: a wrong key is kept as a fact to show, never turned into a valid `Matricule`.
public struct INSiMatricule: Sendable, Hashable {
    public let inspection: MatriculeInspection
    public let oid: INSOID
    public let typeMatricule: String?
    public let dateDebut: String?
    public let dateFin: String?

    /// The INS identifier, only when the returned key is right.
    public var identifier: INSIdentifier? {
        guard let matricule = try? inspection.verified() else { return nil }
        return INSIdentifier(matricule: matricule, oid: oid)
    }

    public var isKeyValid: Bool { inspection.isKeyValid }

    /// The 15 characters exactly as returned (body + returned key), for display and traces.
    public var returnedValue: String {
        inspection.body + (inspection.givenKey < 10 ? "0" : "") + "\(inspection.givenKey)"
    }

    /// Safe for logs.
    public var redacted: String {
        "\(inspection.body.prefix(1))••••••••••••\(inspection.givenKey < 10 ? "0" : "")\(inspection.givenKey)"
    }
}
