import Foundation
import Testing

@testable import PasserelleConfiguration

@Suite struct ConfigurationCheckTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func aBrokenFileListsEveryProblemWithItsKeyPath() async throws {
        let report = await ConfigurationCheck.run(
            explicitPath: Self.fixtures.appendingPathComponent("broken.yaml").path, environment: [:])
        let expected: [(String, ConfigurationProblem.Kind)] = [
            ("brokr", .unknownKey),
            ("logging.format", .invalidValue),
            ("logging.level", .invalidValue),
            ("store.postgresql.url", .inlineSecret),
            ("store.postgresql.url", .insecureURL),
            ("broker.host", .notLoopback),
            ("broker.port", .outOfRange),
            ("broker.session.idleTimeoutSeconds", .wrongType),
            ("broker.session.cardRemoval", .invalidValue),
            ("psc.issuer", .insecureURL),
            ("psc.clientId", .unknownKey),
            ("psc.clientID", .missingKey),
            ("psc.clientAuthentication", .invalidValue),
            ("psc.redirectURI", .invalidValue),
            ("psc.scopes", .invalidValue),
            ("insi.endpoints.mtls", .missingKey),
            ("insi.tls.pkcs12", .missingKey),
            ("insi.tls.passphraseFile", .missingKey),
            ("insi.tls.trustRoots", .missingFile),
            ("insi.timeouts.requestSecond", .unknownKey),
            ("insi.timeouts.connectSeconds", .outOfRange),
            ("insi.retries.attempts", .wrongType),
            ("card.virtualCards", .missingKey),
        ]
        for (path, kind) in expected {
            #expect(
                report.problems.contains { $0.keyPath == path && $0.kind == kind }, "\(path) \(kind) not reported")
        }
        let unexpected = report.problems.filter { problem in
            !expected.contains { $0.0 == problem.keyPath && $0.1 == problem.kind }
        }
        #expect(unexpected.isEmpty, "unexpected: \(unexpected.map { "\($0.keyPath) \($0.kind)" })")
        #expect(report.hasErrors)
        #expect(report.problems.allSatisfy { !$0.message.isEmpty && !$0.fix.isEmpty && !$0.technicalDetail.isEmpty })
    }

    @Test func typosGetASuggestionAndTheirLine() async throws {
        let report = await ConfigurationCheck.run(
            explicitPath: Self.fixtures.appendingPathComponent("broken.yaml").path, environment: [:])
        let brokr = try #require(report.problems.first { $0.keyPath == "brokr" })
        #expect(brokr.fix.contains("« broker »"))
        #expect(brokr.line == 2)
        let request = try #require(report.problems.first { $0.keyPath == "insi.timeouts.requestSecond" })
        #expect(request.fix.contains("insi.timeouts.requestSeconds"))
        let clientID = try #require(report.problems.first { $0.keyPath == "psc.clientId" })
        #expect(clientID.fix.contains("psc.clientID"))
        let removal = try #require(report.problems.first { $0.keyPath == "broker.session.cardRemoval" })
        #expect(removal.fix.contains("logout, lock, ignore"))
    }

    @Test func anEnvironmentOverrideIsTheSourceWhenItWins() async throws {
        let directory = try TemporaryFolder()
        let file = try directory.write("passerelle.yaml", "broker:\n  host: 127.0.0.1\n  port: 4747\n")
        let report = await ConfigurationCheck.run(
            explicitPath: file,
            environment: ["PASSERELLE_BROKER_PORT": "lots", "PASSERELLE_BROKER_HOST": "192.168.1.10"])
        let port = try #require(report.problems.first { $0.keyPath == "broker.port" })
        #expect(port.kind == .wrongType)
        #expect(port.environmentVariable == "PASSERELLE_BROKER_PORT")
        #expect(port.line == nil)
        let host = try #require(report.problems.first { $0.keyPath == "broker.host" })
        #expect(host.kind == .notLoopback)
        #expect(host.sourceDescription == "PASSERELLE_BROKER_HOST (environnement)")
        let fine = await ConfigurationCheck.run(explicitPath: file, environment: ["PASSERELLE_BROKER_PORT": "4800"])
        #expect(fine.problems.isEmpty)
        let entry = try #require(fine.entries.first { $0.keyPath == "broker.port" })
        #expect(entry.value == "4800" && entry.source == "environment")
    }

    @Test func secretFilesMustExistAndBeReadableByTheirOwnerOnly() async throws {
        let directory = try TemporaryFolder()
        let secret = try directory.write("secret", "s3cret\n", permissions: 0o644)
        let file = try directory.write(
            "passerelle.yaml",
            """
            store:
              backend: postgresql
              postgresql: {url: "postgres://passerelle@127.0.0.1:5432/passerelle", passwordFile: "secret"}
            psc:
              issuer: "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet"
              clientID: "passerelle"
              clientAuthentication: client_secret_basic
              clientSecretFile: "absent"
            """)
        let open = await ConfigurationCheck.run(explicitPath: file, environment: [:])
        let warning = try #require(open.problems.first { $0.keyPath == "store.postgresql.passwordFile" })
        #expect(warning.kind == .secretPermissions && warning.severity == .warning)
        #expect(warning.fix == "Restreignez-le à son propriétaire : chmod 600 \(secret)")
        #expect(open.problems.contains { $0.keyPath == "psc.clientSecretFile" && $0.kind == .missingFile })
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret)
        let closed = await ConfigurationCheck.run(explicitPath: file, environment: [:])
        #expect(!closed.problems.contains { $0.keyPath == "store.postgresql.passwordFile" })
    }

    @Test func secretsGivenInTheEnvironmentAreReportedAsIgnored() async throws {
        let directory = try TemporaryFolder()
        let file = try directory.write("passerelle.yaml", "logging: {level: info}\n")
        let report = await ConfigurationCheck.run(
            explicitPath: file, environment: ["PASSERELLE_PSC_CLIENT_SECRET": "x"])
        let problem = try #require(report.problems.first)
        #expect(problem.kind == .inlineSecret && problem.severity == .warning)
        #expect(problem.environmentVariable == "PASSERELLE_PSC_CLIENT_SECRET")
        #expect(!report.hasErrors)
    }

    @Test func aSectionWrittenAsAValueAndAValueWrittenAsASectionAreWrongTypes() async throws {
        let directory = try TemporaryFolder()
        let file = try directory.write("passerelle.yaml", "insi: 3\nbroker:\n  port:\n    value: 4747\n")
        let report = await ConfigurationCheck.run(explicitPath: file, environment: [:])
        #expect(report.problems.contains { $0.keyPath == "insi" && $0.kind == .wrongType })
        #expect(report.problems.contains { $0.keyPath == "broker.port" && $0.kind == .wrongType })
        #expect(!report.problems.contains { $0.kind == .unknownKey })
    }

    @Test func noFileAndInvalidYAMLAreOneProblemEach() async throws {
        let none = await ConfigurationCheck.run(explicitPath: nil, environment: [:])
        #expect(none.problems.map(\.kind) == [.noFile])
        let directory = try TemporaryFolder()
        let file = try directory.write("passerelle.yaml", "insi:\n  mode: [mtls\n")
        let invalid = await ConfigurationCheck.run(explicitPath: file, environment: [:])
        #expect(invalid.problems.map(\.kind) == [.syntax])
    }
}
