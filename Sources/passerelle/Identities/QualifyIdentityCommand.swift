import ArgumentParser
import INS
import IdentityStore

struct QualifyIdentityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qualify",
        abstract:
            "Record the identity document checked (VALI, or QUAL for a RECUP identity), or set/clear an attribute.")

    @Argument(help: "Identity id (UUID).")
    var id: String

    @Option(name: .long, help: "Evidence kind id from the structure's list (e.g. cni, passeport).")
    var evidence: String?

    @Option(name: .customLong("document-ref"), help: "Reference of the document (number, scan id).")
    var documentReference: String?

    @Option(name: .long, help: "Free note.")
    var note: String?

    @Option(name: .customLong("set-attribute"), help: "douteuse, fictive or homonyme.")
    var setAttribute: String?

    @Option(name: .customLong("clear-attribute"), help: "douteuse, fictive or homonyme.")
    var clearAttribute: String?

    @Flag(name: .customLong("list-evidence"), help: "List the evidence kinds and exit.")
    var listEvidence = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if listEvidence {
            for kind in EvidenceCatalogue.rnivDefault.kinds {
                print("\(kind.id)  \(kind.label)\(kind.isHighTrust ? "" : " (ne valide pas)")")
            }
            return
        }
        let uuid = try identityID(id, json: global.json)
        let set = try setAttribute.map { try attribute($0) }
        let clear = try clearAttribute.map { try attribute($0) }
        guard evidence != nil || set != nil || clear != nil else {
            throw fail(
                .invalidInput(field: "qualify", reason: "--evidence, --set-attribute ou --clear-attribute attendu"),
                json: global.json)
        }
        let actor = store.actorName
        let kind = evidence
        let (reference, text) = (documentReference, note)
        let record = try await store.withDatabase(global) { database throws(StoreError) in
            var record = try await database.identity(uuid)
            if let clear { record = try await database.clearAttribute(uuid, clear, actor: actor) }
            if let set { record = try await database.setAttribute(uuid, set, actor: actor) }
            if let kind {
                record = try await database.addEvidence(
                    uuid, NewEvidence(kindID: kind, documentReference: reference, note: text), actor: actor)
            }
            return record
        }
        IdentityPresentation.show(record, json: global.json)
    }

    private func attribute(_ text: String) throws -> IdentityAttribute {
        guard let value = IdentityAttribute(rawValue: text) else {
            throw fail(
                .invalidInput(field: "attribut", reason: "douteuse, fictive ou homonyme attendu"), json: global.json)
        }
        return value
    }
}
