/// Writes RESULTAT and SOAP faults. Prefix style and element order come from the persona, so that the
/// client's prefix-agnostic, order-tolerant reading is exercised over the wire.
enum SimResponses {
    static func escape(_ text: String) -> String { ExclusiveC14N.escapeText(text) }

    static func resultat(code: String, label: String, identity: Persona.Identity?) -> String {
        let style = identity?.style ?? "default"
        let p = style == "prefixed" ? "ns2:" : ""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        xml += "<S:Envelope xmlns:S=\"\(NS.soap)\"><S:Body>"
        xml +=
            style == "prefixed"
            ? "<ns2:RESULTAT xmlns:ns2=\"\(NS.resultat)\" xmlns=\"\(NS.recSans)\" xmlns:ns3=\"\(NS.recVit)\">"
            : "<RESULTAT xmlns=\"\(NS.resultat)\" xmlns:ns0=\"\(NS.recVit)\" xmlns:ns1=\"\(NS.recSans)\">"
        xml += "<\(p)CR><\(p)CodeCR>\(code)</\(p)CodeCR><\(p)LibelleCR>\(label)</\(p)LibelleCR></\(p)CR>"
        if let identity {
            func matricule(_ tag: String, _ ins: Persona.INS) -> String {
                var m = "<\(p)\(tag)><\(p)IdIndividu><\(p)NumIdentifiant>\(ins.numIdentifiant)</\(p)NumIdentifiant>"
                m += "<\(p)Cle>\(ins.cle)</\(p)Cle>"
                if let type = ins.typeMatricule { m += "<\(p)TypeMatricule>\(type)</\(p)TypeMatricule>" }
                m += "</\(p)IdIndividu><\(p)OID>\(ins.oid)</\(p)OID>"
                if let start = ins.dateDeb { m += "<\(p)DateDeb>\(start)</\(p)DateDeb>" }
                if let end = ins.dateFin { m += "<\(p)DateFin>\(end)</\(p)DateFin>" }
                return m + "</\(p)\(tag)>"
            }
            var tiq = "<\(p)TIQ><\(p)NomNaissance>\(escape(identity.nomNaissance))</\(p)NomNaissance>"
            let prenomTag = identity.prenomsElement ?? "ListePrenom"
            tiq += "<\(p)\(prenomTag)>\(escape(identity.prenoms))</\(p)\(prenomTag)>"
            tiq +=
                "<\(p)Sexe>\(identity.sexe)</\(p)Sexe><\(p)DateNaissance>\(identity.dateNaissance)</\(p)DateNaissance>"
            tiq += "<\(p)LieuNaissance>\(identity.lieuNaissance)</\(p)LieuNaissance></\(p)TIQ>"
            let active = matricule("INSACTIF", identity.ins)
            let history = (identity.inshisto ?? []).map { matricule("INSHISTO", $0) }.joined()
            xml += "<\(p)INDIVIDU>"
            xml += identity.order == "tiq-first" ? tiq + history + active : active + history + tiq
            xml += "</\(p)INDIVIDU>"
        }
        xml += style == "prefixed" ? "</ns2:RESULTAT>" : "</RESULTAT>"
        return xml + "</S:Body></S:Envelope>"
    }

    static func fault(code: String, subcode: String?, detail: String, severity: String, text: String, messageID: String)
        -> String
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        xml +=
            "<env:Envelope xmlns:env=\"\(NS.soap)\"><env:Body><env:Fault><env:Code><env:Value>env:\(code)</env:Value>"
        if let subcode {
            xml += "<env:Subcode><env:Value xmlns:siram=\"\(NS.siram)\">siram:\(subcode)</env:Value></env:Subcode>"
        }
        xml += "</env:Code><env:Reason><env:Text xml:lang=\"fr\">\(escape(text))</env:Text></env:Reason>"
        xml += "<env:Detail><siram:Erreur xmlns:siram=\"\(NS.siram)\" code=\"\(detail)\" severite=\"\(severity)\""
        xml += " messageID=\"\(ExclusiveC14N.escapeAttribute(messageID))\">\(escape(text))</siram:Erreur></env:Detail>"
        return xml + "</env:Fault></env:Body></env:Envelope>"
    }
}
