import Foundation
import INS
import Testing

@testable import IdentityStore

/// The behaviour every back end must have. Each check is run by `SQLiteRepositoryTests` and
/// `PostgresRepositoryTests`.
enum RepositoryContract {
    static func createStoresTypedAndNormalisedTraits(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let typed = try Sample.traits("Lefèvre", "Élodie  Marie", sexe: "F", naissance: "1975-00-00", lieu: "2A004")
        let created = try await database.create(
            NewIdentity(traits: typed, nomUtilise: "Martin", prenomUtilise: "Lodie"), actor: "referent")
        let read = try await database.identity(created.id)
        #expect(read == created)
        #expect(read.traits.nomNaissance == "Lefèvre")
        #expect(read.normalized.nomNaissance == "LEFEVRE")
        #expect(read.normalized.prenoms == "ELODIE MARIE")
        #expect(read.traits.naissance.isIncomplete && read.traits.naissance.iso == "1975-12-31")
        #expect(read.nomUtilise == "Martin" && read.state.status == .provisoire)
        #expect(try await database.verifyAudit().isIntact)
        await database.close()
    }

    static func invalidTraitsAreRefused(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        await #expect(throws: StoreError.self) {
            _ = try await database.create(NewIdentity(traits: try Sample.traits("Dup0nt")), actor: "referent")
        }
        #expect(try await database.search(.name("DUP"), limit: 10).isEmpty)
        await database.close()
    }

    static func rnivWorkflowReachesQualAndDropsOnTraitEdit(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let created = try await database.create(NewIdentity(traits: try Sample.traits()), actor: "agent")
        // RECUP needs the operator's confirmation; the call is traced anyway.
        await #expect(throws: StoreError.traitsNotConfirmed) {
            _ = try await database.attachINSiResult(created.id, Sample.result(confirmed: false), actor: "agent")
        }
        #expect(try await database.identity(created.id).state.status == .provisoire)
        let recup = try await database.attachINSiResult(created.id, Sample.result(), actor: "agent")
        #expect(recup.state.status == .recuperee)
        #expect(recup.ins?.matricule.value == Sample.matricule)
        #expect(recup.insiHistory?.hasPrefix("<INSHISTO>") == true)
        let qual = try await database.addEvidence(
            created.id, NewEvidence(kindID: "cni", documentReference: "CNI 123"), actor: "referent")
        #expect(qual.state.status == .qualifiee && qual.validationModeCode == "CN")
        // A non-high-trust document is recorded but validates nothing.
        let still = try await database.addEvidence(created.id, NewEvidence(kindID: "carte-vitale"), actor: "referent")
        #expect(still.state.status == .qualifiee)
        await #expect(throws: StoreError.unknownEvidenceKind("permis")) {
            _ = try await database.addEvidence(created.id, NewEvidence(kindID: "permis"), actor: "referent")
        }
        // Editing a trait of a QUAL identity drops it, voids the INS and puts it on the work list.
        let edited = try await database.updateTraits(
            created.id, with: TraitsEdit(traits: try Sample.traits("Dupond"), reason: "faute de frappe"),
            actor: "referent")
        #expect(edited.state.status == .provisoire && edited.ins == nil)
        let history = try await database.history(created.id)
        #expect(history.statusChanges.map(\.to.status) == [.recuperee, .qualifiee, .provisoire])
        #expect(history.statusChanges.last?.reason.contains("faute de frappe") == true)
        #expect(history.insiCalls.count == 2 && history.evidence.count == 2)
        #expect(history.workItems.map(\.kind) == [.qualificationLost])
        #expect(history.auditEvents.contains { $0.action == .statusChange })
        #expect(try await database.verifyAudit().isIntact)
        await database.close()
    }

    static func wrongKeyFromINSiIsFlaggedNeverStored(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let created = try await database.create(NewIdentity(traits: try Sample.traits()), actor: "agent")
        await #expect(throws: StoreError.matriculeKeyMismatch(given: 0, expected: 83)) {
            _ = try await database.attachINSiResult(
                created.id, Sample.result(matricule: Sample.wrongKeyMatricule), actor: "agent")
        }
        let history = try await database.history(created.id)
        #expect(history.identity.ins == nil && history.identity.state.status == .provisoire)
        #expect(history.insiCalls.map(\.outcome) == [.keyMismatch])
        #expect(history.workItems.map(\.kind) == [.insiKeyMismatch])
        #expect(try await database.search(.matricule("297022602077800"), limit: 5).isEmpty)
        await database.close()
    }

    static func attributesInvalidateAndBlockINSi(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let created = try await database.create(NewIdentity(traits: try Sample.traits()), actor: "agent")
        _ = try await database.attachINSiResult(created.id, Sample.result(), actor: "agent")
        let doubtful = try await database.setAttribute(created.id, .douteuse, actor: "referent")
        #expect(doubtful.state.status == .provisoire && doubtful.ins == nil)
        #expect(try await database.workList(openOnly: true).map(\.kind) == [.douteuse])
        await #expect(throws: StoreError.refused(.insiBlocked(by: .douteuse))) {
            _ = try await database.attachINSiResult(created.id, Sample.result(), actor: "agent")
        }
        await #expect(throws: StoreError.refused(.incompatibleAttributes(.douteuse, .fictive))) {
            _ = try await database.setAttribute(created.id, .fictive, actor: "referent")
        }
        _ = try await database.setAttribute(created.id, .homonyme, actor: "referent")
        let cleared = try await database.clearAttribute(created.id, .douteuse, actor: "referent")
        #expect(cleared.state.attributes == [.homonyme])
        #expect(try await database.verifyAudit().isIntact)
        await database.close()
    }

    static func verificationKOGoesToWorkList(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let created = try await database.create(NewIdentity(traits: try Sample.traits()), actor: "agent")
        _ = try await database.attachINSiResult(created.id, Sample.result(), actor: "agent")
        let failed = try await database.recordVerification(
            created.id, succeeded: false, call: Sample.call(code: "01"), actor: "batch")
        #expect(failed.state.status == .provisoire && failed.ins == nil)
        #expect(try await database.workList(openOnly: true).map(\.kind) == [.verificationKO])
        await database.close()
    }

    static func searchesByTraitsMatriculeAndName(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let elodie = try await database.create(
            NewIdentity(traits: try Sample.traits("Lefèvre", "Élodie", sexe: "F", naissance: "1975-06-15")),
            actor: "agent")
        let jean = try await database.create(
            NewIdentity(
                traits: try Sample.traits(),
                ins: try INSIdentifier(matricule: Sample.matricule, oid: INSOID.nirTest.rawValue)), actor: "agent")
        let byTraits = try await database.search(
            .traits(try Sample.traits("LEFEVRE", "elodie", sexe: "F", naissance: "1975-06-15", lieu: nil)), limit: 10)
        #expect(byTraits.map(\.id) == [elodie.id])
        #expect(try await database.search(.matricule("2 97 02 26 020 778 83"), limit: 10).map(\.id) == [jean.id])
        #expect(try await database.search(.name("lef"), limit: 10).map(\.id) == [elodie.id])
        #expect(try await database.search(.name("DUP JE"), limit: 10).map(\.id) == [jean.id])
        #expect(try await database.search(.name("DUP EL"), limit: 10).isEmpty)
        await database.close()
    }

    static func probableDuplicates(_ backend: TestBackend) async throws {
        let database = try await TestDatabase.make(backend).open()
        let ins = try INSIdentifier(matricule: Sample.matricule, oid: INSOID.nirTest.rawValue)
        let original = try await database.create(NewIdentity(traits: try Sample.traits(), ins: ins), actor: "a")
        let typo = try await database.create(NewIdentity(traits: try Sample.traits("Dupond", "Jean")), actor: "a")
        let swapped = try await database.create(NewIdentity(traits: try Sample.traits("Jean", "Dupont")), actor: "a")
        let sameINS = try await database.create(
            NewIdentity(traits: try Sample.traits("Autre", "Personne", naissance: "1990-01-01"), ins: ins), actor: "a")
        let nearDate = try await database.create(
            NewIdentity(traits: try Sample.traits(naissance: "1980-02-28")), actor: "a")
        let stranger = try await database.create(
            NewIdentity(traits: try Sample.traits("Martin", "Paul")), actor: "a")
        let found = try await database.probableDuplicates(of: original.id)
        let reasons = Dictionary(uniqueKeysWithValues: found.map { ($0.identity.id, Set($0.reasons)) })
        #expect(reasons[typo.id] == [.similarNames])
        #expect(reasons[swapped.id] == [.swappedNames])
        #expect(reasons[sameINS.id] == [.sameMatricule])
        #expect(reasons[nearDate.id] == [.nearBirthDate])
        #expect(reasons[stranger.id] == nil)
        // Creation put each pair on the work list.
        let listed = try await database.workList(openOnly: true).filter { $0.kind == .probableDuplicate }
        #expect(listed.count >= 4)
        await database.close()
    }
}
