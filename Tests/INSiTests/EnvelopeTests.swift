import Foundation
import INS
import Testing

@testable import INSi

@Suite("INSi request envelope")
struct EnvelopeTests {
    static func envelope(_ query: TraitsQuery, security: String? = nil) -> String {
        SOAPEnvelopeBuilder(lps: ClientFactory.lps(), emitter: ClientFactory.structureID).envelope(
            operation: .rechercherAvecTraits, body: query.bodyXML, security: security,
            context: .init(
                messageID: "0d9e4f7a-1111-4222-8333-944455556666", contextID: "ctx-1",
                time: Date(timeIntervalSince1970: 1_767_225_600.042)))
    }

    @Test func headersAndBodyFollowTheContract() throws {
        let traits = try ClientFactory.traits("d'Artagnan de l'Hérault", "Pierre-Alain", "M", "2001-06-17", "63220")
            .normalized()
        let xml = Self.envelope(TraitsQuery(traits: traits, prenom: "PIERRE-ALAIN", includeBirthplace: true))
        let root = try XMLTreeReader.read(Array(xml.utf8))
        let header = try #require(root.child("Header", in: [INSiNamespace.soapEnvelope]))
        #expect(
            header.child("Action", in: [INSiNamespace.addressing])?.text == INSiOperation.rechercherAvecTraits.action)
        #expect(
            header.child("MessageID", in: [INSiNamespace.addressing])?.text
                == "uuid:0d9e4f7a-1111-4222-8333-944455556666")
        let lps = try #require(header.child("ContexteLPS", in: [INSiNamespace.contexteLPS]))
        #expect(lps.attributes["Nature"] == "CTXLPS" && lps.attributes["Version"] == "01_00")
        #expect(lps.children.map(\.name) == ["Id", "Temps", "Emetteur", "LPS"])
        #expect(lps.child("Temps", in: [INSiNamespace.contexteLPS])?.text == "2026-01-01T00:00:00.042Z")
        let software = try #require(lps.child("LPS", in: [INSiNamespace.contexteLPS]))
        #expect(software.children.map(\.name) == ["IDAM", "Version", "Instance", "Nom"])
        #expect(software.child("IDAM", in: [INSiNamespace.contexteLPS])?.attributes["R"] == "4")
        #expect(software.child("Nom", in: [INSiNamespace.contexteLPS])?.text == "urn:lps:PASSERELLE:0.1.0")
        let bam = try #require(header.child("ContexteBAM", in: [INSiNamespace.contexteBAM]))
        #expect(bam.attributes["Version"] == "01_02")
        #expect(bam.children.map(\.name) == ["Id", "Temps", "Emetteur", "COUVERTURE"])
        #expect(header.child("Security", in: [INSiNamespace.wsse]) == nil)
        let body = try #require(root.child("Body", in: [INSiNamespace.soapEnvelope]))
        let search = try #require(body.child("RECSANSVITALE", in: [INSiNamespace.recherche]))
        #expect(search.children.map(\.name) == ["NomNaissance", "Prenom", "Sexe", "DateNaissance", "LieuNaissance"])
        #expect(search.children.map(\.text) == ["D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", "M", "2001-06-17", "63220"])
    }

    @Test func contentTypeCarriesTheAction() {
        #expect(
            INSiOperation.rechercherAvecCarteVitale.contentType
                == "application/soap+xml; charset=utf-8; action=\"urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale\""
        )
    }

    @Test func installationIDIsCreatedOnceThenKept() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("insi-\(UUID())/installation-id").path
        let first = try InstallationID.loadOrCreate(at: path)
        let second = try InstallationID.loadOrCreate(at: path)
        #expect(first == second)
        #expect(UUID(uuidString: first) != nil)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func retryDelaysStayWithinTheirCap() {
        let policy = RetryPolicy(maximumAttempts: 4, baseDelayMilliseconds: 100, maximumDelayMilliseconds: 250)
        for attempt in 1...3 {
            #expect(policy.delay(afterAttempt: attempt) <= .milliseconds(250))
        }
        #expect(policy.shouldRetry(.transport("reset"), attempt: 1))
        #expect(!policy.shouldRetry(.transport("reset"), attempt: 4))
        #expect(!policy.shouldRetry(.httpStatus(503), attempt: 1))
        #expect(!policy.shouldRetry(.tls("untrusted"), attempt: 1))
    }
}
