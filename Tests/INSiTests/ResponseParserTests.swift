import Foundation
import INS
import Testing

@testable import INSi

@Suite("INSi response parser")
struct ResponseParserTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "xml", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(try Data(contentsOf: url))
    }

    static func answer(_ name: String) throws -> INSiAnswer {
        guard case .answer(let answer) = try INSiResponseParser.parse(try fixture(name)) else {
            throw CocoaError(.coderInvalidValue)
        }
        return answer
    }

    @Test func defaultNamespaceAnswerWithListePrenom() throws {
        let answer = try Self.answer("response-default-namespace")
        #expect(answer.code == .found)
        let individu = try #require(answer.individu)
        #expect(individu.active.returnedValue == "160012B020777" + "13")
        #expect(individu.active.oid == .nir)
        #expect(individu.active.isKeyValid)
        #expect(individu.traits.prenoms == "TOUSSAINT")
        #expect(individu.traits.prenomsFromList)
        #expect(individu.traits.lieuNaissance?.cog == "2B020")
        #expect(individu.history.isEmpty)
    }

    @Test func prefixedAnswerInAnyOrderWithPrenomOnly() throws {
        let answer = try Self.answer("response-prefixed-prenom")
        #expect(answer.codeCR == "00")
        let individu = try #require(answer.individu)
        #expect(individu.active.identifier?.matricule.value == "297022A020778" + "78")
        #expect(individu.traits.prenoms == "DOMINIQUE")
        #expect(!individu.traits.prenomsFromList)
        #expect(individu.traits.naissance.iso == "1997-02-26")
    }

    @Test func oddPrefixesHistoryAndListePrenomWins() throws {
        let individu = try #require(try Self.answer("response-odd-prefixes-history").individu)
        #expect(individu.traits.prenoms == "PIERRE-ALAIN MURIEL FLORIANT")
        #expect(individu.traits.premierPrenom == "PIERRE-ALAIN")
        #expect(individu.history.count == 1)
        #expect(individu.history[0].returnedValue == "2090763220834" + "39")
        #expect(individu.history[0].typeMatricule == "NIR")
        #expect(individu.history[0].dateFin == "2010-01-01")
        #expect(individu.active.returnedValue == "1090763220834" + "89")
    }

    @Test func notFoundAndMultipleCarryNoIdentity() throws {
        let notFound = try Self.answer("response-cr01")
        #expect(notFound.code == .notFound && notFound.individu == nil)
        #expect(notFound.libelleCR == "Aucune identite trouvee")
        let multiple = try Self.answer("response-cr02")
        #expect(multiple.code == .multiple && multiple.individu == nil)
    }

    @Test func wrongKeyIsFlaggedNeverValid() throws {
        let individu = try #require(try Self.answer("response-wrong-key").individu)
        #expect(!individu.active.isKeyValid)
        #expect(individu.hasKeyMismatch)
        #expect(individu.active.identifier == nil)
        #expect(individu.active.inspection.givenKey == 60)
        #expect(individu.active.inspection.expectedKey == 76)
    }

    @Test(arguments: [
        ("fault-desir560", "Sender", nil, "desir_560", "erreur"),
        ("fault-desir550", "Sender", "siram_100", "desir_550", "erreur"),
        ("fault-insi102", "Receiver", "siram_40", "insi_102", "fatal"),
    ])
    func faultsBecomeTypedErrors(name: String, code: String, subcode: String?, detail: String, severity: String) throws
    {
        guard case .fault(let fault) = try INSiResponseParser.parse(try Self.fixture(name)) else {
            Issue.record("expected a fault")
            return
        }
        #expect(fault.code == code)
        #expect(fault.subcode == subcode)
        #expect(fault.detailCode == detail)
        #expect(fault.severity == severity)
        #expect(!fault.text.isEmpty)
        let error = INSiError.fault(fault)
        #expect(error.code == "insi.fault.\(detail)")
        #expect(error.isTechnical == (detail == "insi_102"))
    }

    @Test func desir560MessageIsFrenchAndNamesTheExpectedCN() throws {
        guard case .fault(let fault) = try INSiResponseParser.parse(try Self.fixture("fault-desir560")) else {
            Issue.record("expected a fault")
            return
        }
        #expect(fault.messageID == "uuid:1f7425e2-b913-415c-adaa-785ee1076a70")
        #expect(INSiError.fault(fault).userMessage.contains("INSI-AUTO ou INSI-MANU"))
    }

    @Test(arguments: [
        "malformed-truncated", "malformed-html", "malformed-soap11", "malformed-no-cr", "malformed-00-without-individu",
        "malformed-short-matricule", "malformed-nss-oid", "malformed-wrong-namespace", "malformed-empty",
    ])
    func malformedAnswersAreTypedErrors(name: String) throws {
        #expect {
            _ = try INSiResponseParser.parse(try Self.fixture(name))
        } throws: { error in
            guard let error = error as? INSiError, case .malformedResponse = error else { return false }
            return !error.userMessage.isEmpty
        }
    }

    @Test func hundredHistoryEntriesAreKeptInOrder() throws {
        let xml = LargeResponse.make(historyCount: 100)
        guard case .answer(let answer) = try INSiResponseParser.parse(Array(xml.utf8)) else {
            Issue.record("expected an answer")
            return
        }
        let individu = try #require(answer.individu)
        #expect(individu.history.count == 100)
        #expect(individu.history.allSatisfy { $0.isKeyValid })
    }
}

/// A RESULTAT with many INSHISTO entries (parser robustness and the benchmark).
enum LargeResponse {
    static func make(historyCount: Int) -> String {
        var history = ""
        for index in 0..<historyCount {
            let body = "1090763220" + String(format: "%03d", index)
            let key = MatriculeKey.compute(body: body)
            history += "<r:INSHISTO><r:IdIndividu><r:NumIdentifiant>\(body)</r:NumIdentifiant><r:Cle>"
            history +=
                String(format: "%02d", key) + "</r:Cle></r:IdIndividu><r:OID>1.2.250.1.213.1.4.8</r:OID></r:INSHISTO>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?><e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body>\
            <r:RESULTAT xmlns:r="http://www.cnamts.fr/INSiResultat"><r:CR><r:CodeCR>00</r:CodeCR><r:LibelleCR>OK</r:LibelleCR></r:CR>\
            <r:INDIVIDU><r:INSACTIF><r:IdIndividu><r:NumIdentifiant>1090763220834</r:NumIdentifiant><r:Cle>89</r:Cle>\
            </r:IdIndividu><r:OID>1.2.250.1.213.1.4.8</r:OID></r:INSACTIF>\(history)<r:TIQ><r:NomNaissance>ECETINSI</r:NomNaissance>\
            <r:ListePrenom>PIERRE-ALAIN MURIEL FLORIANT</r:ListePrenom><r:Sexe>M</r:Sexe><r:DateNaissance>2009-07-14</r:DateNaissance>\
            <r:LieuNaissance>63220</r:LieuNaissance></r:TIQ></r:INDIVIDU></r:RESULTAT></e:Body></e:Envelope>
            """
    }
}
