import INS
import INSi
import IdentityStore

/// Turns a stored INSi search into what the identity store records: the call that answered (raw XML both ways)
/// and, when INSi found someone, the matricule exactly as returned (the store judges its key), the traits and
/// INSHISTO as returned.
enum INSiResultBuilder {
    static func result(_ search: INSiLedger.StoredSearch, confirmed: Bool) throws(APIError) -> INSiResult {
        guard let trace = search.traces.last(where: { $0.codeCR == "00" }) ?? search.traces.last else {
            throw .unknownSearch(search.id.uuidString.lowercased())
        }
        let call = callTrace(trace)
        guard let individu = search.outcome.individu else {
            return INSiResult(
                call: call, matricule: nil, oid: nil, returnedTraits: nil, history: nil,
                operatorConfirmedTraits: confirmed)
        }
        let returned = individu.traits
        let traits = try? NormalizedTraits(
            validating: returned.nomNaissance, prenoms: returned.prenoms, sexe: returned.sexe,
            naissance: returned.naissance, lieuNaissance: returned.lieuNaissance)
        return INSiResult(
            call: call, matricule: individu.active.returnedValue, oid: individu.active.oid.rawValue,
            returnedTraits: traits, history: historyFragment(trace.responseXML), operatorConfirmedTraits: confirmed)
    }

    static func callTrace(_ trace: INSiTrace) -> INSiCallTrace {
        INSiCallTrace(
            mode: trace.mode.rawValue, operation: trace.operation.rawValue, messageID: trace.messageID,
            requestXML: trace.requestXML, responseXML: trace.responseXML ?? "", resultCode: trace.codeCR,
            fault: trace.fault.map { "\($0.code) \($0.detailCode ?? "")" },
            durationMilliseconds: Int(trace.durationMilliseconds.rounded()))
    }

    /// Every `INSHISTO` element of the answer, verbatim (any namespace prefix), or nil when there is none.
    static func historyFragment(_ xml: String?) -> String? {
        guard let xml else { return nil }
        var fragments: [Substring] = []
        var searchStart = xml.startIndex
        while let open = xml.range(of: "INSHISTO>", range: searchStart..<xml.endIndex) {
            // Walk back to the `<` of the opening tag (skipping a namespace prefix).
            guard let tagStart = xml[..<open.lowerBound].lastIndex(of: "<"),
                xml[xml.index(after: tagStart)] != "/"
            else {
                searchStart = open.upperBound
                continue
            }
            let prefix = xml[xml.index(after: tagStart)..<open.lowerBound]
            let closing = "</" + prefix + "INSHISTO>"
            guard let close = xml.range(of: closing, range: open.upperBound..<xml.endIndex) else { break }
            fragments.append(xml[tagStart..<close.upperBound])
            searchStart = close.upperBound
        }
        return fragments.isEmpty ? nil : fragments.joined(separator: "\n")
    }
}
