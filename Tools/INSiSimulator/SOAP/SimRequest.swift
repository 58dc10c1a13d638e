/// What the simulator understood of a request.
struct SimRequest: Sendable {
    enum Body: Sendable {
        case traits(nom: String, prenom: String, sexe: String, date: String, lieu: String?)
        case vitale(matriculeOD: String, date: String)
    }

    let envelope: SimElement
    let action: String
    let messageID: String
    let idam: String
    let emetteur: String
    let lpsInstance: String
    let body: Body
    /// `wsse:Security/saml:Assertion`, when present.
    let assertion: SimElement?

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(_ bytes: [UInt8]) throws {
        let root = try SimXMLReader.parse(bytes)
        guard root.localName == "Envelope", root.namespace == NS.soap else {
            throw Invalid(description: "not a SOAP 1.2 envelope")
        }
        guard let header = root.first("Header", NS.soap), let body = root.first("Body", NS.soap) else {
            throw Invalid(description: "Header or Body missing")
        }
        envelope = root
        action = header.first("Action", NS.wsa)?.text ?? ""
        messageID = header.first("MessageID", NS.wsa)?.text ?? ""
        guard let context = header.first("ContexteLPS", NS.lps), let lps = context.first("LPS", NS.lps) else {
            throw Invalid(description: "ContexteLPS/LPS missing")
        }
        guard header.first("ContexteBAM", NS.bam) != nil else { throw Invalid(description: "ContexteBAM missing") }
        idam = lps.first("IDAM", NS.lps)?.text ?? ""
        lpsInstance = lps.first("Instance", NS.lps)?.text ?? ""
        emetteur = context.first("Emetteur", NS.lps)?.text ?? ""
        assertion = header.first("Security", NS.wsse)?.first("Assertion", NS.saml)
        if let search = body.first("RECSANSVITALE", NS.recSans) {
            guard action == NS.actionTraits else {
                throw Invalid(description: "wsa:Action does not match RECSANSVITALE")
            }
            func field(_ name: String) -> String? { search.first(name, NS.recSans)?.text }
            guard let nom = field("NomNaissance"), let prenom = field("Prenom"), let sexe = field("Sexe"),
                let date = field("DateNaissance")
            else { throw Invalid(description: "RECSANSVITALE lacks a mandatory field") }
            self.body = .traits(nom: nom, prenom: prenom, sexe: sexe, date: date, lieu: field("LieuNaissance"))
        } else if let vitale = body.first("RECVITALE", NS.recVit) {
            guard action == NS.actionVitale else { throw Invalid(description: "wsa:Action does not match RECVITALE") }
            guard let od = vitale.first("MatriculeOD", NS.recVit)?.first("NumIdentifiant", NS.recVit)?.text,
                let date = vitale.first("DateNaissance", NS.recVit)?.text
            else { throw Invalid(description: "RECVITALE lacks MatriculeOD or DateNaissance") }
            self.body = .vitale(matriculeOD: od, date: date)
        } else {
            throw Invalid(description: "unknown body element")
        }
    }
}
