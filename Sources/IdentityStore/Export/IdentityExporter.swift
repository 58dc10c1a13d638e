import Foundation
import INS

/// Streams every identity out, page by page, as JSON Lines (the store's own view, for backups and
/// migrations) or as a FHIR `Bundle` of FR Core `Patient`s (the matricule only for QUAL identities). Each
/// export is recorded in the audit log.
public enum IdentityExporter {
    public enum Format: String, Sendable, CaseIterable {
        case jsonLines = "jsonl"
        case fhirBundle = "fhir"
    }

    public static func run(
        _ format: Format, from repository: any IdentityRepository, actor: String, write: (String) -> Void
    ) async throws(StoreError) -> Int {
        var after: UUID?
        var count = 0
        if format == .fhirBundle { write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[") }
        while true {
            let page = try await repository.exportPage(after: after, limit: 1_000)
            guard let last = page.last else { break }
            for record in page {
                switch format {
                case .jsonLines:
                    write(json(jsonObject(record)) + "\n")
                case .fhirBundle:
                    let entry: [String: Any] = [
                        "fullUrl": "urn:uuid:\(record.id.uuidString.lowercased())",
                        "resource": FHIRPatient.resource(record.snapshot),
                    ]
                    write((count == 0 ? "\n" : ",\n") + json(entry))
                }
                count += 1
            }
            after = last.id
        }
        if format == .fhirBundle { write("\n]}\n") }
        try await repository.recordExport(format: format.rawValue, count: count, actor: actor)
        return count
    }

    /// The JSON form of a record, also used by `identities show --json`.
    public static func jsonObject(_ record: IdentityRecord) -> [String: Any] {
        var object: [String: Any] = [
            "id": record.id.uuidString.lowercased(),
            "traits": [
                "nomNaissance": record.traits.nomNaissance, "prenoms": record.traits.prenoms,
                "sexe": record.traits.sexe.rawValue, "naissance": record.traits.naissance.iso,
                "naissanceIncomplete": record.traits.naissance.isIncomplete,
                "lieuNaissance": record.traits.lieuNaissance?.cog ?? NSNull(),
            ],
            "normalized": [
                "nomNaissance": record.normalized.nomNaissance, "prenoms": record.normalized.prenoms,
            ],
            "nomUtilise": record.nomUtilise ?? NSNull(),
            "prenomUtilise": record.prenomUtilise ?? NSNull(),
            "status": record.state.status.rawValue,
            "attributes": record.state.attributes.sorted().map(\.rawValue),
            "version": record.version,
            "createdAt": record.createdAt.iso8601,
            "updatedAt": record.updatedAt.iso8601,
        ]
        if let ins = record.ins { object["ins"] = ["matricule": ins.matricule.value, "oid": ins.oid.rawValue] }
        if let history = record.insiHistory { object["insiHistory"] = history }
        if let mode = record.validationModeCode { object["validationMode"] = mode }
        return object
    }

    /// The same bytes as `JSONSerialization` with sorted keys, written by `JSONText` (an export of a large base
    /// spends most of its time here).
    static func json(_ object: Any) -> String {
        JSONText.string(object)
    }
}
