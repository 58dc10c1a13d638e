import Foundation
import INS
import Testing

@testable import INSi

/// Every persona of spec §4 through real TLS to `insi-sim`, organisation certificate (mTLS) mode.
@Suite("INSi end to end, organisation certificate (mTLS)", .serialized)
struct EndToEndOrganisationTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let traits: [String?]
        let matricule: String?
        let oid: INSOID?
        let prenoms: String?
        let cog: String?
        let history: [String]
        let calls: [String]
        var testDescription: String { traits.compactMap { $0 }.joined(separator: " ") }
    }

    static let personas: [Expected] = [
        .init(
            traits: ["ADRTROIS", "DOMINIQUE", "F", "1997-02-26", nil], matricule: "297022A020778" + "78", oid: .nir,
            prenoms: "DOMINIQUE", cog: "2A020", history: [], calls: ["DOMINIQUE:00"]),
        .init(
            traits: ["ADRTROIS", "TOUSSAINT", "M", "1960-01-01", nil], matricule: "160012B020777" + "13", oid: .nir,
            prenoms: "TOUSSAINT", cog: "2B020", history: [], calls: ["TOUSSAINT:00"]),
        .init(
            traits: ["ADRUN", "ZOE", "F", "1975-12-31", nil], matricule: "2751263220749" + "74", oid: .nir,
            prenoms: "ZOE", cog: "63220", history: [], calls: ["ZOE:00"]),
        .init(
            traits: ["TCHITCHI", "OLA CATARINA", "F", "1936-06-21", nil], matricule: "2360663220836" + "56",
            oid: .nir, prenoms: "CATARINA BELLA", cog: "63220", history: [], calls: ["OLA:01", "CATARINA:00"]),
        .init(
            traits: ["HOUILLES", "PIERRE PAUL JACQUES", "M", "1993-01-27", nil], matricule: nil, oid: nil,
            prenoms: nil, cog: nil, history: [],
            calls: ["PIERRE:01", "PAUL:01", "JACQUES:01", "PIERRE PAUL JACQUES:01"]),
        .init(
            traits: ["DE VINCI", "LEONARDO", "M", "2014-02-01", "63220"], matricule: "1140263220245" + "62",
            oid: .nir, prenoms: "LEONARDO", cog: "63220", history: [], calls: ["LEONARDO:02", "LEONARDO@63220:00"]),
        .init(
            traits: ["ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", nil], matricule: "1090763220834" + "89", oid: .nir,
            prenoms: "PIERRE-ALAIN MURIEL FLORIANT", cog: "63220", history: ["2090763220834" + "39"],
            calls: ["PIERRE-ALAIN:00"]),
        .init(
            traits: ["PROVISOIRE", "MATRICULE", "M", "2009-07-01", nil], matricule: "1090763220888" + "35", oid: .nia,
            prenoms: "MATRICULE", cog: "63220", history: [], calls: ["MATRICULE:00"]),
        .init(
            traits: ["CORSE", "ANTHONY", "M", "1980-03-02", nil], matricule: "180032B020401" + "23", oid: .nir,
            prenoms: "ANTHONY", cog: "2B020", history: ["180032B020401" + "23"], calls: ["ANTHONY:00"]),
        .init(
            traits: ["NESSI", "NATHALIE", "F", "1977-07-14", nil], matricule: "2770763220829" + "10", oid: .nir,
            prenoms: "NATHALIE", cog: "63220", history: [], calls: ["NATHALIE:00"]),
        .init(
            traits: ["D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", "M", "2001-06-17", "63220"],
            matricule: "1010663220457" + "66", oid: .nir, prenoms: "PIERRE-ALAIN", cog: "63220", history: [],
            calls: ["PIERRE-ALAIN:00"]),
    ]

    @Test(arguments: personas)
    func persona(_ expected: Expected) async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let sink = InMemoryTraceSink()
        let (client, transport) = try ClientFactory.organisation(endpoint: simulator.mtls, sink: sink)
        let t = expected.traits
        let traits = try ClientFactory.traits(t[0] ?? "", t[1] ?? "", t[2] ?? "", t[3] ?? "", t[4])
        let outcome = try await using(client, transport) { try await $0.search(traits, operatorID: "referent-1") }
        let calls = outcome.attempts.map { attempt in
            attempt.query.prenom + (attempt.query.lieuNaissance.map { "@\($0.cog)" } ?? "") + ":" + attempt.codeCR
        }
        #expect(calls == expected.calls)
        if let matricule = expected.matricule {
            let individu = try #require(outcome.individu)
            #expect(outcome.identifier?.matricule.value == matricule)
            #expect(outcome.identifier?.oid == expected.oid)
            #expect(individu.traits.prenoms == expected.prenoms)
            #expect(individu.traits.lieuNaissance?.cog == expected.cog)
            #expect(individu.history.map(\.returnedValue) == expected.history)
        } else {
            #expect(outcome.result == .notFound)
        }
        // Every call traced with raw XML both ways, in order; the simulator saw the same MessageIDs.
        let traces = await sink.traces
        #expect(traces.count == expected.calls.count)
        #expect(
            traces.allSatisfy {
                $0.requestXML.contains("RECSANSVITALE") && $0.responseXML?.contains("RESULTAT") == true
            })
        #expect(traces.allSatisfy { $0.operatorID == "referent-1" && $0.mode == .organisation })
        let received = try await simulator.requests()
        #expect(received.map(\.messageID) == traces.map(\.messageID))
        #expect(received.allSatisfy { $0.clientCN == "INSI-AUTO" && $0.idam == ClientFactory.idam })
        #expect(received.allSatisfy { $0.emetteur == ClientFactory.structureID })
    }

    @Test func wrongKeyAnswerIsFlaggedAndNeverValid() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (client, transport) = try ClientFactory.organisation(endpoint: simulator.mtls, sink: InMemoryTraceSink())
        let traits = try ClientFactory.traits("HERMANN", "GATIEN", "M", "1981-03-24")
        let outcome = try await using(client, transport) { try await $0.search(traits) }
        let individu = try #require(outcome.individu)
        #expect(individu.hasKeyMismatch)
        #expect(individu.active.inspection.givenKey == 60 && individu.active.inspection.expectedKey == 76)
        #expect(outcome.identifier == nil)
        let verification = INSiClient.compare(
            try INSIdentifier(matricule: "1810363220165" + "76", oid: INSOID.nir.rawValue),
            try ClientFactory.traits("HERMANN", "GATIEN", "M", "1981-03-24").normalized(), outcome)
        #expect(verification.contains { $0.field == .key })
    }

    @Test func lexicalErrorsNeverReachTheNetworkAndTransliterationDoes() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (client, transport) = try ClientFactory.organisation(endpoint: simulator.mtls, sink: InMemoryTraceSink())
        for (nom, prenom) in [("DUP0NT", "JEAN"), ("MARTIN", "JEAN_LUC"), ("MARTIN", "ANNE-"), ("-MARTIN", "ANNE")] {
            await #expect(throws: INSiError.self) {
                try await client.search(try ClientFactory.traits(nom, prenom, "F", "1980-01-01"))
            }
        }
        #expect(try await simulator.requests().isEmpty)
        _ = try? await client.search(try ClientFactory.traits("D’ÆION", "CŒUR", "M", "1987-01-01", "2B020"))
        await transport.shutdown()
        let received = try await simulator.requests()
        #expect(received.first?.nomNaissance == "D'AEION")
        #expect(received.first?.prenom == "COEUR")
    }

    @Test func carteVitaleSearchFindsTheBeneficiary() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (client, transport) = try ClientFactory.organisation(endpoint: simulator.mtls, sink: InMemoryTraceSink())
        let query = VitaleQuery(
            nirOuvrantDroit: "297022A020778", nirIndividu: nil, nomNaissance: nil, prenom: nil,
            naissance: try BirthDate(iso: "1997-02-26"), rangGemellaire: nil)
        let answer = try await using(client, transport) { try await $0.call(query) }
        #expect(answer.code == .found)
        #expect(answer.individu?.active.identifier?.matricule.value == "297022A020778" + "78")
        let received = try await simulator.requests()
        #expect(received.first?.action == INSiOperation.rechercherAvecCarteVitale.action)
        #expect(received.first?.xml.contains("<vit:RECVITALE") == true)
    }

    @Test func verificationOKAndKOWithDifferingFields() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let (client, transport) = try ClientFactory.organisation(endpoint: simulator.mtls, sink: InMemoryTraceSink())
        let zoe = try INSIdentifier(matricule: "2751263220749" + "74", oid: INSOID.nir.rawValue)
        let ok = try await client.verify(
            zoe, traits: try ClientFactory.traits("Adrun", "Zoé", "F", "1975-12-31", "63220"))
        #expect(ok.isOK)
        let other = try INSIdentifier(matricule: "2770763220829" + "10", oid: INSOID.nia.rawValue)
        let ko = try await client.verify(
            other, traits: try ClientFactory.traits("ADRUN", "ZOE", "F", "1975-12-31", "63220"))
        #expect(Set(ko.differences.map(\.field)) == [.matricule, .oid])
        let missing = try await client.verify(zoe, traits: try ClientFactory.traits("ADRUN", "ZOE", "M", "1975-12-31"))
        await transport.shutdown()
        #expect(missing.differences.map(\.field) == [.identity])
    }
}
