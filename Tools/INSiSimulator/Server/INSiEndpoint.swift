import Foundation
import NIOHTTP1
import X509

/// One of the two INSi endpoints: organisation certificate (mTLS) or CPx (assertion PS).
struct INSiEndpoint: Sendable {
    enum Kind: String, Sendable {
        case mtls
        case cpx
    }

    let kind: Kind
    let state: SimulatorState
    let directory: PersonaDirectory
    let allowedIDAM: Set<String>
    let organisationsCA: Certificate
    let verifier: AssertionVerifier

    func handle(_ head: HTTPRequestHead, _ body: [UInt8], _ connection: HTTPConnection) async -> HTTPReply {
        guard head.method == .POST, head.uri == "/lps" else { return .text(.notFound, "POST /lps only\n") }
        let clock = ContinuousClock()
        let start = clock.now
        let xml = String(decoding: body, as: UTF8.self)
        var log = LogEntry(endpoint: kind.rawValue, xml: xml)
        let peer = await connection.peerCertificateDER()
        let peerCertificate = peer.flatMap { try? Certificate(derEncoded: $0) }
        log.clientCN = peerCertificate.flatMap(Self.commonName)
        var reply = await answer(body, peerCertificate: peerCertificate, log: &log)
        let elapsed = clock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        reply.headers.append(("X-INSi-Sim-Handling-Us", "\(micros)"))
        await state.record(log.recorded(answer: log.answer))
        return reply
    }

    private func answer(_ body: [UInt8], peerCertificate: Certificate?, log: inout LogEntry) async -> HTTPReply {
        var messageID = ""
        if let request = try? SimRequest(body) {
            messageID = request.messageID
            log.take(request)
        }
        if let fault = await state.takeFault(endpoint: kind.rawValue) {
            log.answer = "fault-injection:\(fault.fault.rawValue)"
            switch fault.fault {
            case .drop: return HTTPReply(status: .ok, contentType: "", body: [], drop: true)
            case .http503: return .text(.serviceUnavailable, "<html><body>Service Unavailable</body></html>")
            case .malformed:
                return HTTPReply(
                    status: .ok, contentType: "application/soap+xml; charset=utf-8",
                    body: Array(
                        "<S:Envelope xmlns:S=\"\(NS.soap)\"><S:Body><RESULTAT xmlns=\"\(NS.resultat)\"><CR>".utf8))
            case .insi102:
                return soapFault(
                    "Receiver", "siram_40", "insi_102", "Erreur technique : service momentanément indisponible",
                    messageID)
            case .desir550: return idamFault(messageID)
            case .desir560: return certificateFault(messageID)
            case .slow:
                try? await Task.sleep(for: .milliseconds(fault.delayMs ?? 2000))
                log.answer = ""
            }
        }
        if kind == .mtls {
            guard let certificate = peerCertificate, let cn = Self.commonName(certificate),
                cn == "INSI-AUTO" || cn == "INSI-MANU", certificate.issuer == organisationsCA.subject
            else {
                log.answer = "fault:desir_560"
                return certificateFault(messageID)
            }
        }
        let request: SimRequest
        do { request = try SimRequest(body) } catch {
            log.answer = "fault:desir_400"
            return soapFault("Sender", "siram_10", "desir_400", "Requête non conforme : \(error)", messageID)
        }
        guard allowedIDAM.contains(request.idam) else {
            log.answer = "fault:desir_550"
            return idamFault(messageID)
        }
        if kind == .cpx {
            guard let assertion = request.assertion else {
                log.answer = "fault:desir_520"
                return soapFault("Sender", "siram_100", "desir_520", "Assertion PS absente", messageID)
            }
            do {
                _ = try await verifier.verify(assertion, emetteur: request.emetteur)
                log.assertionVerified = true
            } catch {
                log.assertionVerified = false
                log.answer = "fault:desir_520"
                return soapFault("Sender", "siram_100", "desir_520", "Assertion PS invalide : \(error)", messageID)
            }
        }
        let found: PersonaDirectory.Answer
        switch request.body {
        case .traits(let nom, let prenom, let sexe, let date, let lieu):
            found = directory.search(nom: nom, prenom: prenom, sexe: sexe, date: date, lieu: lieu)
        case .vitale(let od, let date):
            found = directory.search(matriculeOD: od, date: date)
        }
        let xml: String
        switch found {
        case .found(let identity):
            log.answer = "00"
            xml = SimResponses.resultat(code: "00", label: "OK", identity: identity)
        case .notFound:
            log.answer = "01"
            xml = SimResponses.resultat(code: "01", label: "Aucune identite trouvee", identity: nil)
        case .multiple:
            log.answer = "02"
            xml = SimResponses.resultat(code: "02", label: "Plusieurs identites trouvees", identity: nil)
        }
        return HTTPReply(status: .ok, contentType: "application/soap+xml; charset=utf-8", body: Array(xml.utf8))
    }

    private func idamFault(_ messageID: String) -> HTTPReply {
        soapFault("Sender", "siram_100", "desir_550", "Numéro d'autorisation (IDAM) inconnu", messageID)
    }

    private func certificateFault(_ messageID: String) -> HTTPReply {
        soapFault(
            "Sender", nil, "desir_560", "Le CN du certificat client doit être INSI-AUTO ou INSI-MANU", messageID)
    }

    private func soapFault(_ code: String, _ subcode: String?, _ detail: String, _ text: String, _ messageID: String)
        -> HTTPReply
    {
        let xml = SimResponses.fault(
            code: code, subcode: subcode, detail: detail, severity: "erreur", text: text, messageID: messageID)
        return HTTPReply(
            status: .internalServerError, contentType: "application/soap+xml; charset=utf-8", body: Array(xml.utf8))
    }

    static func commonName(_ certificate: Certificate) -> String? {
        for rdn in certificate.subject {
            for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
                return attribute.value.description
            }
        }
        return nil
    }
}

/// The request log entry being filled while an exchange runs.
private struct LogEntry {
    let endpoint: String
    let xml: String
    var clientCN: String?
    var action: String?
    var messageID: String?
    var idam: String?
    var emetteur: String?
    var fields: (String?, String?, String?, String?, String?) = (nil, nil, nil, nil, nil)
    var assertionVerified: Bool?
    var answer = ""

    init(endpoint: String, xml: String) {
        self.endpoint = endpoint
        self.xml = xml
    }

    mutating func take(_ request: SimRequest) {
        action = request.action
        messageID = request.messageID
        idam = request.idam
        emetteur = request.emetteur
        if case .traits(let nom, let prenom, let sexe, let date, let lieu) = request.body {
            fields = (nom, prenom, sexe, date, lieu)
        }
    }

    func recorded(answer: String) -> SimulatorState.Recorded {
        SimulatorState.Recorded(
            endpoint: endpoint, receivedAt: Date(), clientCN: clientCN, action: action, messageID: messageID,
            idam: idam,
            emetteur: emetteur, nomNaissance: fields.0, prenom: fields.1, sexe: fields.2, dateNaissance: fields.3,
            lieuNaissance: fields.4, assertionVerified: assertionVerified, answer: answer, xml: xml)
    }
}
