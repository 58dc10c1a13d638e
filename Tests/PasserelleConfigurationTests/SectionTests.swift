import Foundation
import Testing

@testable import PasserelleConfiguration

@Suite struct SectionTests {
    @Test func pscSectionReadsEveryKeyAndLeavesTheRestToTheClient() async throws {
        let directory = try TemporaryFolder()
        let file = try directory.write(
            "passerelle.yaml",
            """
            psc:
              issuer: "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet"
              clientID: "passerelle"
              clientAuthentication: tls_client_auth
              tls: {pkcs12: "client.p12", passphraseFile: "client.pass", trustRoots: "/etc/roots.pem"}
              acceptedACR: ["eidas1"]
              enforceACR: false
              clockSkewSeconds: 30
              cache: {lifetimeSeconds: 600}
            """)
        let configuration = try await PasserelleConfiguration.load(explicitPath: file, environment: [:])
        let psc = try #require(configuration.psc)
        #expect(psc.clientAuthentication == .tlsClientAuth)
        #expect(psc.pkcs12File == directory.url.path + "/client.p12")
        #expect(psc.passphraseFile == directory.url.path + "/client.pass")
        #expect(psc.trustRootsFile == "/etc/roots.pem")
        #expect(psc.acceptedACR == ["eidas1"])
        #expect(psc.enforceACR == false)
        #expect(psc.clockSkewSeconds == 30)
        #expect(psc.cacheLifetimeSeconds == 600)
        #expect(psc.scopes == nil && psc.redirectURI == nil)
    }

    @Test func pscSectionWritesBackWhatItReads() async throws {
        var section = PSCSection(
            issuer: "https://127.0.0.1:4800/auth/realms/esante-wallet", clientID: "passerelle",
            clientAuthentication: .clientSecretBasic, clientSecretFile: "/data/psc-client-secret",
            trustRootsFile: "/certs/ca/trust-test-roots.pem")
        section.redirectURI = "http://127.0.0.1:0/callback"
        section.scopes = ["openid", "scope_all"]
        section.requestTimeoutSeconds = 5
        let directory = try TemporaryFolder()
        let file = try directory.write("passerelle.yaml", section.yaml)
        let loaded = try await PasserelleConfiguration.load(explicitPath: file, environment: [:])
        #expect(loaded.psc == section)
        let report = await ConfigurationCheck.run(explicitPath: file, environment: [:])
        #expect(report.problems.allSatisfy { $0.kind == .missingFile })
    }

    @Test func aSecretModeWithoutItsFileIsRefusedByTheLoader() async throws {
        let directory = try TemporaryFolder()
        let file = try directory.write(
            "passerelle.yaml",
            "psc: {issuer: \"https://psc.example\", clientID: \"c\", clientAuthentication: client_secret_post}\n")
        await #expect(throws: ConfigurationError(.missingKey, "psc.clientSecretFile")) {
            try await PasserelleConfiguration.load(explicitPath: file, environment: [:])
        }
    }

    @Test func storeSectionInsertsThePasswordFromItsFile() async throws {
        let directory = try TemporaryFolder()
        try directory.write("pg.pass", "p@ss:word/1\n")
        let file = try directory.write(
            "passerelle.yaml",
            """
            store:
              backend: postgresql
              postgresql:
                url: "postgres://passerelle@127.0.0.1:5432/identities"
                passwordFile: "pg.pass"
            """)
        let store = try #require(try await PasserelleConfiguration.load(explicitPath: file, environment: [:]).store)
        let url = try #require(try store.postgresURLWithPassword())
        let components = try #require(URLComponents(string: url))
        #expect(components.password == "p@ss:word/1")
        #expect(components.user == "passerelle" && components.host == "127.0.0.1" && components.path == "/identities")
    }

    @Test func aPasswordInsideTheURLIsRefused() async throws {
        let directory = try TemporaryFolder()
        let file = try directory.write(
            "passerelle.yaml", "store: {backend: postgresql, postgresql: {url: \"postgres://u:pw@db/x\"}}\n")
        await #expect(throws: ConfigurationError.self) {
            try await PasserelleConfiguration.load(explicitPath: file, environment: [:])
        }
    }

    @Test func environmentOverridesReachTheNewSections() async throws {
        let directory = try TemporaryFolder()
        let file = try directory.write("passerelle.yaml", "logging: {format: json}\n")
        let configuration = try await PasserelleConfiguration.load(
            explicitPath: file,
            environment: [
                "PASSERELLE_LOGGING_LEVEL": "debug", "PASSERELLE_STORE_SQLITE_PATH": "/tmp/x.sqlite",
                "PASSERELLE_DATA_DIRECTORY": "data",
            ])
        #expect(configuration.logging == LoggingSection(format: .json, level: .debug))
        #expect(configuration.store == StoreSection(backend: .sqlite, sqlitePath: "/tmp/x.sqlite"))
        #expect(configuration.dataDirectory == directory.url.path + "/data")
    }

    @Test func environmentNamesFollowTheProvidersEncoding() {
        #expect(ConfigurationSource.environmentName("psc.clientID") == "PASSERELLE_PSC_CLIENT_ID")
        #expect(ConfigurationSource.environmentName("insi.tls.pkcs12") == "PASSERELLE_INSI_TLS_PKCS12")
        #expect(
            ConfigurationSource.environmentName("insi.timeouts.requestSeconds")
                == "PASSERELLE_INSI_TIMEOUTS_REQUEST_SECONDS")
    }

    @Test func secretFilesLoseTheirLineBreakAndMustNotBeEmpty() throws {
        let directory = try TemporaryFolder()
        let secret = try directory.write("secret", "abc\r\n")
        #expect(try SecretFile.read(secret, key: "k") == "abc")
        let empty = try directory.write("empty", "\n")
        #expect(throws: ConfigurationError.self) { try SecretFile.read(empty, key: "k") }
    }
}
