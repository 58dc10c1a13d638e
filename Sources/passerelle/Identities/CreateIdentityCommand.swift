import ArgumentParser
import INS
import IdentityStore

struct CreateIdentityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a provisional identity from the five traits.")

    @OptionGroup var traits: TraitsOptions

    @Option(name: .long, help: "Matricule INS already known (15 characters).")
    var matricule: String?

    @Option(name: .long, help: "OID of the matricule.")
    var oid: String?

    @Option(name: .customLong("nom-utilise"), help: "Nom utilisé (never filled from INSi).")
    var nomUtilise: String?

    @Option(name: .customLong("prenom-utilise"), help: "Prénom utilisé.")
    var prenomUtilise: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let typed: Traits
        do {
            typed = try traits.traits()
            _ = try traits.normalizedTraits()
        } catch { throw report(error, json: global.json) }
        var ins: INSIdentifier?
        switch (matricule, oid) {
        case (nil, nil): break
        case (let matricule?, let oid?):
            do { ins = try INSIdentifier(matricule: matricule, oid: oid) } catch {
                throw report(error, json: global.json)
            }
        default:
            throw fail(
                .invalidInput(field: "matricule/oid", reason: "--matricule et --oid vont ensemble"), json: global.json)
        }
        let new = NewIdentity(traits: typed, nomUtilise: nomUtilise, prenomUtilise: prenomUtilise, ins: ins)
        let actor = store.actorName
        let (record, duplicates) = try await store.withDatabase(global) { database throws(StoreError) in
            let record = try await database.create(new, actor: actor)
            return (record, try await database.probableDuplicates(of: record))
        }
        IdentityPresentation.show(record, json: global.json)
        if !duplicates.isEmpty, !global.json {
            print("\nAttention : \(duplicates.count) doublon(s) probable(s), ajouté(s) à la liste de travail.")
        }
    }
}
