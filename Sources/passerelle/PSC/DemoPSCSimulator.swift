import Foundation
import PasserelleConfiguration
import ProSanteConnect

/// The `psc-sim` child of `passerelle demo`: started from the same bin directory on free ports, ready line read,
/// and the PSC client configuration of the demo derived from it. CIBA requests are approved automatically after
/// three seconds unless `PASSERELLE_DEMO_MANUAL_CIBA=1` (then `psc-sim ciba approve --admin …` answers them).
final class DemoPSCSimulator: @unchecked Sendable {
    typealias Failure = DemoChild.Failure

    let child: DemoChild
    let certs: String
    var base: String { child["psc"] }
    var issuer: String { child["issuer"] }
    var admin: String { child["admin"] }

    static let clientSecret = "TEST-secret-passerelle"
    /// `D/psc-client-secret`, once `writeConfiguration` has written it.
    private(set) var clientSecretFile: String?

    init(certs: String) throws(Failure) {
        var arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--certs", certs]
        if ProcessInfo.processInfo.environment["PASSERELLE_DEMO_MANUAL_CIBA"] != "1" {
            arguments += ["--ciba-auto-approve", "3"]
        }
        child = try DemoChild(executable: "psc-sim", arguments: arguments, requiredFields: ["psc", "issuer", "admin"])
        self.certs = certs
    }

    func stop() { child.stop() }

    var configuration: PSCConfiguration {
        PSCConfiguration(
            issuer: issuer, clientID: "passerelle",
            clientAuthentication: .clientSecretBasic(secret: Self.clientSecret),
            redirectURI: "http://127.0.0.1:0/callback", postLogoutRedirectURI: "http://127.0.0.1:0/logged-out",
            trustRootsPEM: "\(certs)/ca/trust-test-roots.pem")
    }

    /// `D/psc.json` (read by `passerelle psc …`), mode 0600 since it holds the demo client secret.
    func writeConfiguration(dataDirectory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("psc.json").path
        guard
            FileManager.default.createFile(
                atPath: path, contents: try encoder.encode(configuration), attributes: [.posixPermissions: 0o600])
        else { throw Failure(description: "cannot write \(path)") }
        let secretPath = URL(fileURLWithPath: dataDirectory).appendingPathComponent("psc-client-secret").path
        guard
            FileManager.default.createFile(
                atPath: secretPath, contents: Data((Self.clientSecret + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
        else { throw Failure(description: "cannot write \(secretPath)") }
        clientSecretFile = secretPath
    }

    /// The `psc` section of the demo's `passerelle.yaml` (the client secret by file, written by
    /// `writeConfiguration`).
    var yamlSection: String {
        var section = PSCSection(
            issuer: issuer, discoveryURL: "\(issuer)/.well-known/wallet-openid-configuration", clientID: "passerelle",
            clientAuthentication: .clientSecretBasic, clientSecretFile: clientSecretFile,
            trustRootsFile: "\(certs)/ca/trust-test-roots.pem")
        section.scopes = ["openid", "scope_all"]
        section.acrValues = ["eidas1"]
        section.acceptedACR = ["eidas1", "eidas2", "eidas3"]
        section.redirectURI = "http://127.0.0.1:0/callback"
        section.postLogoutRedirectURI = "http://127.0.0.1:0/logged-out"
        return "\n" + section.yaml + "\n"
    }
}
