import Foundation

/// Writes the SOAP 1.2 request: addressing headers, ContexteLPS, ContexteBAM, optional `wsse:Security`, body.
/// Every namespace is declared on the element that uses it, so the output does not depend on a prefix table.
struct SOAPEnvelopeBuilder: Sendable {
    let lps: LPSIdentity
    /// Structure id (mTLS: OU of the organisation certificate) or professional id (CPx).
    let emitter: String

    struct Context: Sendable {
        let messageID: String
        let contextID: String
        let time: Date
    }

    func envelope(
        operation: INSiOperation, body: String, security: String?, context: Context
    ) -> String {
        let temps = UTCTimestamp.format(context.time)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        xml += "<soap:Envelope xmlns:soap=\"\(INSiNamespace.soapEnvelope)\"><soap:Header>"
        xml += "<wsa:Action xmlns:wsa=\"\(INSiNamespace.addressing)\">\(operation.action)</wsa:Action>"
        xml += "<wsa:MessageID xmlns:wsa=\"\(INSiNamespace.addressing)\">uuid:\(context.messageID)</wsa:MessageID>"
        xml += "<ctxlps:ContexteLPS xmlns:ctxlps=\"\(INSiNamespace.contexteLPS)\" Nature=\"CTXLPS\" Version=\"01_00\">"
        xml += "<ctxlps:Id>\(context.contextID)</ctxlps:Id>"
        xml += "<ctxlps:Temps>\(temps)</ctxlps:Temps>"
        xml += "<ctxlps:Emetteur>\(XMLText.escapeText(emitter))</ctxlps:Emetteur>"
        xml += "<ctxlps:LPS>"
        xml += "<ctxlps:IDAM R=\"4\">\(XMLText.escapeText(lps.idam))</ctxlps:IDAM>"
        xml += "<ctxlps:Version>\(XMLText.escapeText(lps.version))</ctxlps:Version>"
        xml += "<ctxlps:Instance>\(XMLText.escapeText(lps.instance))</ctxlps:Instance>"
        xml += "<ctxlps:Nom>\(XMLText.escapeText(lps.urn))</ctxlps:Nom>"
        xml += "</ctxlps:LPS></ctxlps:ContexteLPS>"
        xml += "<ctxbam:ContexteBAM xmlns:ctxbam=\"\(INSiNamespace.contexteBAM)\" Version=\"01_02\">"
        xml += "<ctxbam:Id>\(context.contextID)</ctxbam:Id>"
        xml += "<ctxbam:Temps>\(temps)</ctxbam:Temps>"
        xml += "<ctxbam:Emetteur>\(XMLText.escapeText(emitter))</ctxbam:Emetteur>"
        xml += "<ctxbam:COUVERTURE></ctxbam:COUVERTURE>"
        xml += "</ctxbam:ContexteBAM>"
        if let security {
            xml += "<wsse:Security xmlns:wsse=\"\(INSiNamespace.wsse)\">\(security)</wsse:Security>"
        }
        xml += "</soap:Header><soap:Body>\(body)</soap:Body></soap:Envelope>"
        return xml
    }
}
