import INS

extension LabelLine {
    /// The traits in clear, in the order people read them, from a payload the `INS` module built for a QUAL
    /// identity: what is printed is exactly what is encoded.
    public static func traits(of payload: INSDataMatrixPayload) -> [LabelLine] {
        let traits = payload.traits
        var lines: [LabelLine] = [
            .nomDeNaissance(traits.nomNaissance),
            .prenoms(traits.prenoms),
            .sexe(traits.sexe.rawValue),
            .dateDeNaissance(traits.naissance.french),
        ]
        if let place = traits.lieuNaissance {
            lines.append(.lieuDeNaissance(cog: place.cog))
        }
        lines.append(.ins(payload.identifier))
        return lines
    }

    /// « INS-NIR : 2 85 03 75 056 123 06 » (the OID's French label, the matricule grouped as on documents).
    public static func ins(_ identifier: INSIdentifier) -> LabelLine {
        LabelLine(caption: identifier.oid.label, value: identifier.matricule.grouped)
    }
}

extension INSLabelRequest {
    /// A label for a payload built from a QUAL identity, with its traits in clear.
    public init(payload: INSDataMatrixPayload, page: LabelPage = .label70x35) {
        self.init(payload: payload.bytes, lines: LabelLine.traits(of: payload), page: page)
    }
}

extension StampRequest {
    /// A stamp for a payload built from a QUAL identity, with its traits in clear.
    public init(payload: INSDataMatrixPayload, corner: Corner = .topRight) {
        self.init(payload: payload.bytes, lines: LabelLine.traits(of: payload), corner: corner)
    }
}
