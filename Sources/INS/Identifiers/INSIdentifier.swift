/// A matricule INS with its OID: the identifier part of an INS (the traits are the other part).
public struct INSIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    public let matricule: Matricule
    public let oid: INSOID

    public init(matricule: Matricule, oid: INSOID) {
        self.matricule = matricule
        self.oid = oid
    }

    public init(matricule: String, oid: String) throws(INSIdentifierError) {
        let parsedOID: INSOID
        do { parsedOID = try INSOID(validating: oid) } catch { throw .oid(error) }
        do { self.matricule = try Matricule(matricule) } catch { throw .matricule(error) }
        self.oid = parsedOID
    }

    public var description: String { "\(oid.label) \(matricule.redacted)" }
}

public enum INSIdentifierError: PasserelleError, Equatable {
    case matricule(MatriculeError)
    case oid(INSOIDError)

    private var underlying: any PasserelleError {
        switch self {
        case .matricule(let error): error
        case .oid(let error): error
        }
    }

    public var code: String { underlying.code }
    public var userMessage: String { underlying.userMessage }
    public var technicalDetail: String { underlying.technicalDetail }
}
