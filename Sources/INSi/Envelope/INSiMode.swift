/// How Passerelle authenticates to INSi: the structure's organisation certificate over mutual TLS, or a
/// professional's CPx card signing an assertion PS.
public enum INSiMode: String, Sendable, Codable, CaseIterable {
    case organisation = "mtls"
    case cpx
}
