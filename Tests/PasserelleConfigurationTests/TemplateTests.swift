import Foundation
import Testing

@testable import PasserelleConfiguration

/// The templates shipped in `Config/` are clean: the only problems allowed are the files they name but that only
/// exist on a configured machine (secrets, certificates, the demo's data directory).
@Suite struct TemplateTests {
    static let configFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Config")

    static let templates = ["passerelle.yaml", "passerelle.bas-qualif.yaml", "passerelle.production.yaml"]

    @Test(arguments: templates)
    func theTemplateOnlyLacksItsReferencedFiles(_ name: String) async throws {
        let path = Self.configFolder.appendingPathComponent(name).path
        let report = await ConfigurationCheck.run(explicitPath: path, environment: [:])
        let others = report.problems.filter { $0.kind != .missingFile }
        #expect(others.isEmpty, "\(name): \(others.map { "\($0.keyPath) \($0.kind): \($0.technicalDetail)" })")
        for problem in report.problems {
            let spec = try #require(ConfigurationSchema.byPath[problem.keyPath])
            #expect(spec.isPath, "\(name): \(problem.keyPath) is not a file key")
        }
    }

    @Test(arguments: templates)
    func theTemplateLoads(_ name: String) async throws {
        let path = Self.configFolder.appendingPathComponent(name).path
        let configuration = try await PasserelleConfiguration.load(explicitPath: path, environment: [:])
        #expect(configuration.insi != nil)
        #expect(configuration.psc != nil)
        #expect(configuration.broker?.host == "127.0.0.1")
        #expect(configuration.store != nil)
        #expect(configuration.card != nil)
        #expect(configuration.logging != nil)
        #expect(configuration.dataDirectory != nil)
    }

    @Test func productionUsesMutualTLSAndPostgreSQL() async throws {
        let path = Self.configFolder.appendingPathComponent("passerelle.production.yaml").path
        let configuration = try await PasserelleConfiguration.load(explicitPath: path, environment: [:])
        let psc = try #require(configuration.psc)
        #expect(psc.clientAuthentication == .tlsClientAuth)
        #expect(psc.issuer == "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet")
        #expect(configuration.store?.backend == .postgresql)
        #expect(configuration.insi?.endpoint == "https://services-ps-tlsm.ameli.fr/lps")
    }

    @Test func theDemoTemplateResolvesPathsAgainstItsFolder() async throws {
        let path = Self.configFolder.appendingPathComponent("passerelle.yaml").path
        let configuration = try await PasserelleConfiguration.load(explicitPath: path, environment: [:])
        func real(_ path: String?) -> String { URL(fileURLWithPath: path ?? "").resolvingSymlinksInPath().path }
        let repository = Self.configFolder.deletingLastPathComponent().path
        #expect(real(configuration.psc?.trustRootsFile) == real(repository + "/Certs/ca/trust-test-roots.pem"))
        #expect(configuration.store?.sqlitePath == Self.configFolder.path + "/demo-data/identities.sqlite")
        #expect(configuration.dataDirectory == Self.configFolder.path + "/demo-data")
    }
}
