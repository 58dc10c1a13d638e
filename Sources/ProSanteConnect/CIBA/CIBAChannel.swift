/// PSC-specific CIBA parameter: push to the e-CPS app, or to the CPS card through CPS-Gestion.
public enum CIBAChannel: String, Sendable, Codable, CaseIterable {
    case card = "CARD"
    case mobile = "MOBILE"
}
