import Foundation
import Testing

/// `passerelle config check|show` as a person or a script runs them.
@Suite struct ConfigCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A scratch folder removed at the end of the test.
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-cli-config-\(UUID())")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, _ text: String, permissions: Int = 0o600) throws -> String {
            let path = url.appendingPathComponent(name).path
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
            return path
        }
    }

    /// Runs the binary with no `PASSERELLE_*` variable from the test's own environment except `environment`.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Result {
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PASSERELLE_") }
        variables.merge(environment) { _, new in new }
        return try CLIRunner.run(executable: CLIRunner.binary, arguments, environment: variables)
    }

    @Test func aCleanFileExitsZeroAndWarningsDoNotFailIt() throws {
        let folder = try Folder()
        _ = try folder.write("secret", "s3cret\n", permissions: 0o640)
        let config = try folder.write(
            "passerelle.yaml",
            """
            broker: {host: 127.0.0.1, port: 4747}
            psc:
              issuer: "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet"
              clientID: "passerelle"
              clientAuthentication: client_secret_basic
              clientSecretFile: "secret"
            """)
        let result = try Self.run(["config", "check", "--config", config])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("AVERTISSEMENT  psc.clientSecretFile  [ligne 6]"))
        #expect(result.stdout.contains("chmod 600"))
    }

    @Test func errorsExitTwoAndJSONListsThemForPrograms() throws {
        let folder = try Folder()
        let config = try folder.write(
            "passerelle.yaml", "brokr:\n  port: 4747\ninsi:\n  mode: mtls\n  timeouts: {requestSecond: 3}\n")
        let human = try Self.run(["config", "check", "--config", config])
        #expect(human.status == 2)
        #expect(human.stdout.contains("ERREUR         brokr  [ligne 1]"))
        #expect(human.stdout.contains("Vouliez-vous écrire « broker »"))
        let json = try Self.run(["--config", config, "config", "check", "--json"])
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        let problems = try #require(object["problems"] as? [[String: Any]])
        let keys = Set(problems.compactMap { $0["keyPath"] as? String })
        for key in [
            "brokr", "insi.timeouts.requestSecond", "insi.endpoints.mtls", "insi.tls.pkcs12", "insi.tls.passphraseFile",
            "insi.tls.trustRoots", "insi.lps.idam", "insi.structureId",
        ] {
            #expect(keys.contains(key), "\(key) missing from \(keys)")
        }
        #expect(problems.allSatisfy { $0["message"] is String && $0["fix"] is String && $0["severity"] is String })
    }

    @Test func theEnvironmentIsShownAsTheSourceWhenItWins() throws {
        let folder = try Folder()
        let config = try folder.write("passerelle.yaml", "broker: {host: 127.0.0.1, port: 4747}\n")
        let result = try Self.run(
            ["config", "check", "--config", config],
            environment: ["PASSERELLE_BROKER_HOST": "0.0.0.0"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("broker.host  [PASSERELLE_BROKER_HOST (environnement)]"))
    }

    @Test func noConfigurationIsAnErrorWithAFix() throws {
        let result = try Self.run(
            ["config", "check"], environment: ["PASSERELLE_CONFIG": ""])
        #expect(result.status == 2)
        #expect(result.stdout.contains("--config"))
    }

    @Test func theShippedTemplatesOnlyLackTheirReferencedFiles() throws {
        for name in ["passerelle.yaml", "passerelle.bas-qualif.yaml", "passerelle.production.yaml"] {
            let path = Self.repository.appendingPathComponent("Config/\(name)").path
            let result = try Self.run(["config", "check", "--config", path, "--json"])
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let problems = try #require(object["problems"] as? [[String: Any]])
            #expect(problems.allSatisfy { $0["kind"] as? String == "missingFile" }, "\(name): \(problems)")
        }
    }

    @Test func showPrintsEffectiveValuesWithTheirSourceAndMasksPasswords() throws {
        let folder = try Folder()
        let config = try folder.write(
            "passerelle.yaml",
            "store:\n  backend: postgresql\n  postgresql: {url: \"postgres://u:hunter2@127.0.0.1/x\"}\n")
        let result = try Self.run(
            ["config", "show", "--config", config, "--json"],
            environment: ["PASSERELLE_LOGGING_LEVEL": "debug"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("hunter2"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let keys = try #require(object["keys"] as? [[String: Any]])
        let level = try #require(keys.first { $0["keyPath"] as? String == "logging.level" })
        #expect(level["value"] as? String == "debug")
        #expect(level["environmentVariable"] as? String == "PASSERELLE_LOGGING_LEVEL")
        let url = try #require(keys.first { $0["keyPath"] as? String == "store.postgresql.url" })
        #expect(url["value"] as? String == "postgres://u:********@127.0.0.1/x")
        #expect(url["line"] as? Int == 3)
        let table = try Self.run(["config", "show", "--config", config, "--all"])
        #expect(table.stdout.contains("broker.port"))
        #expect(table.stdout.contains("(défaut) 4747"))
    }
}
