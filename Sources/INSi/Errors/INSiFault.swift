/// A SOAP 1.2 fault returned by INSi, with the `siram:Erreur` detail that says what actually went wrong.
public struct INSiFault: Sendable, Hashable, Codable {
    /// `Sender` or `Receiver` (local name of `Code/Value`).
    public let code: String
    /// `siram_NN` (local name of `Subcode/Value`), when present.
    public let subcode: String?
    /// `desir_NNN` / `insi_NNN` from `Detail/Erreur@code`.
    public let detailCode: String?
    public let severity: String?
    /// `Reason/Text`, or the text of `Erreur` when there is no reason.
    public let text: String
    public let messageID: String?

    public init(
        code: String, subcode: String?, detailCode: String?, severity: String?, text: String, messageID: String?
    ) {
        self.code = code
        self.subcode = subcode
        self.detailCode = detailCode
        self.severity = severity
        self.text = text
        self.messageID = messageID
    }

    /// Whether the fault says the service itself is unwell (counts for the circuit breaker) rather than refusing
    /// this caller's configuration.
    public var isTechnical: Bool {
        if let detailCode, detailCode.hasPrefix("insi_1") { return true }
        return code.hasSuffix("Receiver") && detailCode?.hasPrefix("desir_") != true
    }

    var userMessage: String {
        switch detailCode {
        case "desir_560":
            "Le certificat de l'établissement n'est pas accepté par le service INSi (CN attendu INSI-AUTO ou INSI-MANU)."
        case "desir_550":
            "Le numéro d'autorisation du logiciel (IDAM) n'est pas reconnu par le service INSi : vérifiez la configuration."
        case "insi_102":
            "Le service INSi rencontre une erreur technique ou est temporairement indisponible : réessayez plus tard."
        default:
            "Le service INSi a refusé la demande (\(detailCode ?? subcode ?? code)) : \(text)"
        }
    }

    var technicalDetail: String {
        var parts = ["SOAP fault \(code)"]
        if let subcode { parts.append("subcode \(subcode)") }
        if let detailCode { parts.append("detail \(detailCode)") }
        if let severity { parts.append("severity \(severity)") }
        if let messageID { parts.append("messageID \(messageID)") }
        return parts.joined(separator: ", ") + ": \(text)"
    }
}
