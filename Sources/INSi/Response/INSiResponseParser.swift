import INS

/// Reads an INSi SOAP response: RESULTAT or Fault. Namespace-aware (an element is its namespace URI + local
/// name), prefix-agnostic and order-tolerant; every missing or invalid mandatory field is a typed
/// `malformedResponse`, never a crash and never a half-filled answer.
public enum INSiResponseParser {
    private static let soap: Set<String> = [INSiNamespace.soapEnvelope]
    /// Children of RESULTAT are qualified in the INSiResultat namespace; unqualified children are tolerated.
    private static let result: Set<String> = [INSiNamespace.resultat, ""]

    public enum Reply: Sendable, Hashable {
        case answer(INSiAnswer)
        case fault(INSiFault)
    }

    public static func parse(_ bytes: [UInt8]) throws(INSiError) -> Reply {
        let root: XMLElementNode
        do { root = try XMLTreeReader.read(bytes) } catch { throw .malformedResponse(error.detail) }
        guard root.name == "Envelope", root.namespace == INSiNamespace.soapEnvelope else {
            throw .malformedResponse("root element is {\(root.namespace)}\(root.name), not a SOAP 1.2 Envelope")
        }
        guard let body = root.child("Body", in: soap) else { throw .malformedResponse("no soap:Body") }
        if let fault = body.child("Fault", in: soap) { return .fault(try readFault(fault)) }
        guard let resultat = body.child("RESULTAT", in: [INSiNamespace.resultat]) else {
            throw .malformedResponse("soap:Body holds neither RESULTAT nor Fault")
        }
        return .answer(try readResultat(resultat))
    }

    static func readResultat(_ element: XMLElementNode) throws(INSiError) -> INSiAnswer {
        guard let cr = element.child("CR", in: result) else { throw .malformedResponse("RESULTAT without CR") }
        let code = try text(cr, "CodeCR")
        guard code.count == 2, code.allSatisfy(\.isNumber) else {
            throw .malformedResponse("CodeCR \(code.debugDescription) is not two digits")
        }
        let libelle = cr.child("LibelleCR", in: result)?.trimmedText ?? ""
        let individu = try element.child("INDIVIDU", in: result).map { node throws(INSiError) in
            try readIndividu(node)
        }
        if code == "00", individu == nil { throw .malformedResponse("CodeCR 00 without INDIVIDU") }
        return INSiAnswer(codeCR: code, libelleCR: libelle, individu: code == "00" ? individu : nil)
    }

    static func readIndividu(_ element: XMLElementNode) throws(INSiError) -> INSiIndividu {
        guard let active = element.child("INSACTIF", in: result) else {
            throw .malformedResponse("INDIVIDU without INSACTIF")
        }
        var history: [INSiMatricule] = []
        for entry in element.children("INSHISTO", in: result) { history.append(try readMatricule(entry)) }
        guard let tiq = element.child("TIQ", in: result) else { throw .malformedResponse("INDIVIDU without TIQ") }
        return INSiIndividu(active: try readMatricule(active), history: history, traits: try readTraits(tiq))
    }

    static func readMatricule(_ element: XMLElementNode) throws(INSiError) -> INSiMatricule {
        guard let id = element.child("IdIndividu", in: result) else {
            throw .malformedResponse("\(element.name) without IdIndividu")
        }
        let body = try text(id, "NumIdentifiant")
        let key = try text(id, "Cle")
        guard body.count == 13 else { throw .malformedResponse("NumIdentifiant is not 13 characters") }
        guard key.count == 2 else { throw .malformedResponse("Cle is not 2 digits") }
        let inspection: MatriculeInspection
        do { inspection = try MatriculeInspection(body + key) } catch {
            throw .malformedResponse("matricule in \(element.name): \(error.technicalDetail)")
        }
        let oidText = try text(element, "OID")
        let oid: INSOID
        do { oid = try INSOID(validating: oidText) } catch {
            throw .malformedResponse("OID in \(element.name): \(error.technicalDetail)")
        }
        return INSiMatricule(
            inspection: inspection, oid: oid,
            typeMatricule: id.child("TypeMatricule", in: result)?.trimmedText,
            dateDebut: element.child("DateDeb", in: result)?.trimmedText,
            dateFin: element.child("DateFin", in: result)?.trimmedText)
    }

    static func readTraits(_ element: XMLElementNode) throws(INSiError) -> INSiReturnedTraits {
        let nom = try text(element, "NomNaissance")
        let list = element.child("ListePrenom", in: result)?.trimmedText
        let single = element.child("Prenom", in: result)?.trimmedText
        guard let prenoms = [list, single].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw .malformedResponse("TIQ without ListePrenom or Prenom")
        }
        let sexe: Sexe
        do { sexe = try Sexe(validating: try text(element, "Sexe")) } catch { throw .malformedResponse("TIQ Sexe") }
        let dateText = try text(element, "DateNaissance")
        let naissance: BirthDate
        do { naissance = try BirthDate(iso: dateText) } catch {
            throw .malformedResponse("TIQ DateNaissance: \(error.technicalDetail)")
        }
        var lieu: BirthPlace?
        if let cog = element.child("LieuNaissance", in: result)?.trimmedText, !cog.isEmpty {
            do { lieu = try BirthPlace(cog: cog) } catch {
                throw .malformedResponse("TIQ LieuNaissance: \(error.technicalDetail)")
            }
        }
        return INSiReturnedTraits(
            nomNaissance: nom, prenoms: prenoms, prenomsFromList: list?.isEmpty == false, sexe: sexe,
            naissance: naissance, lieuNaissance: lieu)
    }

    static func readFault(_ element: XMLElementNode) throws(INSiError) -> INSiFault {
        let codeNode = element.child("Code", in: soap)
        guard let codeValue = codeNode?.child("Value", in: soap)?.trimmedText, !codeValue.isEmpty else {
            throw .malformedResponse("SOAP Fault without Code/Value")
        }
        let subcode = codeNode?.child("Subcode", in: soap)?.child("Value", in: soap)?.trimmedText
        let reason = element.child("Reason", in: soap)?.children.first { $0.name == "Text" }?.trimmedText
        let erreur = element.child("Detail", in: soap)?.children.first { $0.name == "Erreur" }
        let text = [reason, erreur?.trimmedText].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return INSiFault(
            code: localName(codeValue), subcode: subcode.map(localName), detailCode: erreur?.attributes["code"],
            severity: erreur?.attributes["severite"], text: text, messageID: erreur?.attributes["messageID"])
    }

    /// `soap:Sender` → `Sender`; QName values keep whatever prefix the server chose.
    private static func localName(_ qname: String) -> String {
        qname.split(separator: ":").last.map(String.init) ?? qname
    }

    private static func text(_ parent: XMLElementNode, _ name: String) throws(INSiError) -> String {
        guard let value = parent.child(name, in: result)?.trimmedText, !value.isEmpty else {
            throw .malformedResponse("\(parent.name) without \(name)")
        }
        return value
    }
}
