/// The content of the INS DataMatrix (ANS "Datamatrix INS" v2.2): a fixed header then blocks S1…S7.
///
/// Built only from a qualified identity; parsed from whatever a scanner gives (blocks in any order, a literal
/// `<GS>` typed by keyboard-wedge scanners instead of the 0x1D byte).
public struct INSDataMatrixPayload: Hashable, Sendable {
    public static let header = "IS010000000000000000000000"
    public static let groupSeparator: UInt8 = 0x1D

    public let identifier: INSIdentifier
    public let traits: NormalizedTraits

    /// Refuses anything but a qualified identity: only QUAL may carry the INS on a document.
    public init(identifier: INSIdentifier, traits: NormalizedTraits, status: IdentityStatus) throws(PayloadError) {
        guard status.mayShareINS else { throw .notQualified(status) }
        self.init(identifier: identifier, traits: traits)
    }

    init(identifier: INSIdentifier, traits: NormalizedTraits) {
        self.identifier = identifier
        self.traits = traits
    }

    /// The payload bytes, GS = 0x1D, no trailing GS, no ECI, no FNC1.
    public var bytes: [UInt8] {
        var out = Array(Self.header.utf8)
        for block in blocks {
            out += Array("S\(block.id)".utf8) + Array(block.value.utf8)
            if block.needsSeparator { out.append(Self.groupSeparator) }
        }
        return out
    }

    /// The payload as text with GS shown as `<GS>`, for people and for keyboard-wedge round trips.
    public var visibleText: String {
        String(decoding: bytes, as: UTF8.self).replacingGS(with: "<GS>")
    }

    struct Block {
        let id: Int
        let value: String
        let needsSeparator: Bool
    }

    var blocks: [Block] {
        var fields: [(PayloadField, String)] = [
            (.matricule, identifier.matricule.value), (.oid, identifier.oid.rawValue), (.prenoms, traits.prenoms),
            (.nomNaissance, traits.nomNaissance), (.sexe, traits.sexe.rawValue),
            (.dateNaissance, traits.naissance.dataMatrix),
        ]
        if let place = traits.lieuNaissance { fields.append((.lieuNaissance, place.cog)) }
        return fields.enumerated().map { index, entry in
            let (field, value) = entry
            let isLast = index == fields.count - 1
            let shorter = field.fixedLength == nil && value.count < field.maximumLength
            return Block(id: field.rawValue, value: value, needsSeparator: shorter && !isLast)
        }
    }
}

/// The blocks of the INS DataMatrix.
public enum PayloadField: Int, CaseIterable, Sendable {
    case matricule = 1
    case oid = 2
    case prenoms = 3
    case nomNaissance = 4
    case sexe = 5
    case dateNaissance = 6
    case lieuNaissance = 7

    var fixedLength: Int? {
        switch self {
        case .matricule: 15
        case .sexe: 1
        case .dateNaissance: 10
        case .lieuNaissance: 5
        case .oid, .prenoms, .nomNaissance: nil
        }
    }

    var maximumLength: Int {
        switch self {
        case .oid: 20
        case .prenoms, .nomNaissance: 100
        default: fixedLength ?? 0
        }
    }
}

extension String {
    func replacingGS(with replacement: String) -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.value == 0x1D { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
