import Foundation
import INS

extension IdentityRecord: RowCodable {
    static var tableName: String { "identities" }
    static var columns: [String] {
        [
            "id", "nom_naissance", "prenoms", "sexe", "naissance", "naissance_incomplete", "lieu_naissance",
            "nom_norm", "prenoms_norm", "nom_key", "prenom_key", "nom_utilise", "prenom_utilise", "status",
            "attributes", "matricule", "oid", "insi_history", "validation_mode", "version", "created_at",
            "updated_at",
        ]
    }

    var values: [SQLValue] {
        [
            .text(rowID), .text(traits.nomNaissance), .text(traits.prenoms), .text(traits.sexe.rawValue),
            .text(traits.naissance.iso), SQLValue(traits.naissance.isIncomplete ? 1 : 0),
            SQLValue(traits.lieuNaissance?.cog), .text(normalized.nomNaissance), .text(normalized.prenoms),
            .text(nomKey), .text(prenomKey), SQLValue(nomUtilise), SQLValue(prenomUtilise),
            .text(state.status.rawValue), .text(attributesText), SQLValue(ins?.matricule.value),
            SQLValue(ins?.oid.rawValue), SQLValue(insiHistory), SQLValue(validationModeCode), SQLValue(version),
            .integer(createdAt.milliseconds), .integer(updatedAt.milliseconds),
        ]
    }

    init(row: StoredRow) throws(StoreError) {
        let id = try row.text("id")
        guard let uuid = UUID(uuidString: id) else { throw .corrupted("identities.id \(id) is not a UUID") }
        let sexe = try row.text("sexe")
        guard let parsedSexe = Sexe(rawValue: sexe) else { throw .corrupted("identities.sexe of \(id)") }
        let naissance = try Self.birthDate(iso: row.text("naissance"), incomplete: row.integer("naissance_incomplete"))
        guard let naissance else { throw .corrupted("identities.naissance of \(id)") }
        let lieu: BirthPlace?
        do {
            lieu = try row.optionalText("lieu_naissance").map { text throws(TraitError) in try BirthPlace(cog: text) }
        } catch { throw .corrupted("identities.lieu_naissance of \(id)") }
        let traits = Traits(
            nomNaissance: try row.text("nom_naissance"), prenoms: try row.text("prenoms"), sexe: parsedSexe,
            naissance: naissance, lieuNaissance: lieu)
        let normalized: NormalizedTraits
        do {
            normalized = try NormalizedTraits(
                validating: try row.text("nom_norm"), prenoms: try row.text("prenoms_norm"), sexe: parsedSexe,
                naissance: naissance, lieuNaissance: lieu)
        } catch { throw .corrupted("identities normalised traits of \(id)") }
        guard
            let state = StatusChangeRecord.state(status: try row.text("status"), attributes: try row.text("attributes"))
        else { throw .corrupted("identities.status/attributes of \(id)") }
        var ins: INSIdentifier?
        if let matricule = try row.optionalText("matricule"), let oid = try row.optionalText("oid") {
            do { ins = try INSIdentifier(matricule: matricule, oid: oid) } catch {
                throw .corrupted("identities.matricule/oid of \(id)")
            }
        }
        self.init(
            id: uuid, traits: traits, normalized: normalized, nomUtilise: try row.optionalText("nom_utilise"),
            prenomUtilise: try row.optionalText("prenom_utilise"), state: state, ins: ins,
            insiHistory: try row.optionalText("insi_history"),
            validationModeCode: try row.optionalText("validation_mode"),
            version: Int(try row.integer("version")), createdAt: Timestamp(milliseconds: try row.integer("created_at")),
            updatedAt: Timestamp(milliseconds: try row.integer("updated_at")))
    }

    /// Rebuilds a possibly completed date. A completed date is equal whichever unknown part produced it, so
    /// the completion rule is simply replayed.
    static func birthDate(iso: String, incomplete: Int64) -> BirthDate? {
        guard let complete = try? BirthDate(iso: iso) else { return nil }
        guard incomplete != 0 else { return complete }
        if complete.month == 12, complete.day == 31 {
            return try? BirthDate(year: complete.year, knownMonth: nil, knownDay: nil)
        }
        if complete.day == 1 { return try? BirthDate(year: complete.year, knownMonth: complete.month, knownDay: nil) }
        return try? BirthDate(year: complete.year, knownMonth: nil, knownDay: complete.day)
    }
}
