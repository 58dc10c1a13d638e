// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Passerelle",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "INS", targets: ["INS"]),
        .library(name: "DataMatrix", targets: ["DataMatrix"]),
        .library(name: "INSTagging", targets: ["INSTagging"]),
        .executable(name: "passerelle", targets: ["passerelle"]),
        .library(name: "INSi", targets: ["INSi"]),
        .library(name: "PasserelleConfiguration", targets: ["PasserelleConfiguration"]),
        .executable(name: "insi-sim", targets: ["insi-sim"]),
        .library(name: "SmartCard", targets: ["SmartCard"]),
        .library(name: "CPS", targets: ["CPS"]),
        .library(name: "CPSTLS", targets: ["CPSTLS"]),
        .library(name: "CPSINSi", targets: ["CPSINSi"]),
        .library(name: "VirtualCPSCard", targets: ["VirtualCPSCard"]),
        .executable(name: "virtual-cps", targets: ["virtual-cps"]),
        .library(name: "ProSanteConnect", targets: ["ProSanteConnect"]),
        .executable(name: "psc-sim", targets: ["psc-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // YAML provider: package trait "YAML" (Yams).
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: [.defaults, "YAML"]),
    ],
    targets: [
        // Pro Santé Connect relying party: discovery, code + PKCE, CIBA, ID token/userinfo, refresh, logout, RFC 8693.
        .target(
            name: "ProSanteConnect",
            dependencies: [
                "INS",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // psc-sim: a local Pro Santé Connect (TEST keys). Independent peer: never imports ProSanteConnect.
        .executableTarget(
            name: "psc-sim",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tools/PSCSimulator",
            exclude: ["README.md"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProSanteConnectTests",
            dependencies: [
                "ProSanteConnect",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // Pure INS domain: matricule, OIDs, traits, RNIV status machine, DataMatrix payload, interop views. No I/O.
        .target(name: "INS", swiftSettings: strictSettings),
        // Pure ECC 200 encoder and renderers. No I/O, no INS knowledge.
        .target(name: "DataMatrix", exclude: ["README.md"], swiftSettings: strictSettings),
        // System zlib (Debian zlib1g-dev): INSTagging inflates PDF object and cross-reference streams.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // INS labels and PDF stamping: joins INS payloads to DataMatrix symbols.
        .target(
            name: "INSTagging", dependencies: ["INS", "DataMatrix", "CZlib"], exclude: ["README.md"],
            swiftSettings: strictSettings),
        // INSi téléservice client: SOAP envelope, tolerant parser, strategy, verification, mTLS/CPx transport, traces.
        .target(
            name: "INSi",
            dependencies: [
                "INS",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // passerelle.yaml (swift-configuration, YAML + environment overrides); one section type per subsystem.
        .target(
            name: "PasserelleConfiguration",
            dependencies: ["INS", .product(name: "Configuration", package: "swift-configuration")],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PasserelleConfigurationTests",
            dependencies: ["PasserelleConfiguration"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // insi-sim: the INSi service with the test personas, both security modes, fault injection. Never imports INSi.
        .executableTarget(
            name: "insi-sim",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "Tools/INSiSimulator",
            exclude: ["README.md"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // Test-only oracle: libxml2's exclusive c14n (Debian libxml2-dev), for the CPx assertion tests.
        .systemLibrary(
            name: "CLibXML2", path: "Tests/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CLibXML2C14N", dependencies: ["CLibXML2"], path: "Tests/CLibXML2C14N"),
        .testTarget(
            name: "INSiTests",
            dependencies: [
                "INSi", "INS", "CLibXML2C14N",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "passerelle",
            dependencies: [
                "INS", "DataMatrix", "INSTagging", "IdentityStore", "INSi", "PasserelleConfiguration",
                "ProSanteConnect", "Broker", "PasserelleAPI", "Observability",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "SmartCard", "CPS", "CPSTLS", "VirtualCPSCard",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "INSTests",
            dependencies: ["INS", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DataMatrixTests",
            dependencies: ["DataMatrix", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "INSTaggingTests",
            dependencies: ["INSTagging", "INS", "DataMatrix"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PasserelleCLITests",
            dependencies: ["passerelle"],
            swiftSettings: strictSettings
        ),
        // PC/SC over libpcsclite (Debian libpcsclite-dev): readers, events, T=0 transport. Knows nothing about CPS.
        .systemLibrary(name: "CPCSCLite", pkgConfig: "libpcsclite", providers: [.apt(["libpcsclite-dev"])]),
        .target(
            name: "SmartCard", dependencies: ["CPCSCLite"], exclude: ["README.md"], swiftSettings: strictSettings),
        // CPS card profiles on SmartCard: identity, PIN, INTERNAL AUTHENTICATE signer.
        .target(
            name: "CPS",
            dependencies: [
                "SmartCard", "INS",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // TLS 1.2 client authentication with the card key (NIOSSLCustomPrivateKey); keeps CPS free of NIO.
        .target(
            name: "CPSTLS",
            dependencies: [
                "CPS", "INS",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // The card as INSi's CPx assertion signer.
        .target(
            name: "CPSINSi",
            dependencies: ["CPS", "INSi", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // The virtual CPS3 card engine and its in-process channel (no client code).
        .target(
            name: "VirtualCPSCard",
            dependencies: [
                "SmartCard",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Tools/VirtualCPS/VirtualCPSCard",
            swiftSettings: strictSettings
        ),
        // virtual-cps: the card side of pcscd's vpcd driver, with a control socket.
        .executableTarget(
            name: "virtual-cps",
            dependencies: ["VirtualCPSCard"],
            path: "Tools/VirtualCPS/virtual-cps",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SmartCardTests", dependencies: ["SmartCard"], swiftSettings: strictSettings),
        .testTarget(
            name: "VirtualCPSCardTests", dependencies: ["VirtualCPSCard", "SmartCard"], swiftSettings: strictSettings),
        .testTarget(
            name: "CPSTests",
            dependencies: [
                "CPS", "SmartCard", "VirtualCPSCard", "INS",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Handshakes against a local swift-nio-ssl server; the pcscd suite is enabled by Tools/test.d/40-card.sh.
        .testTarget(
            name: "CPSTLSTests",
            dependencies: [
                "CPSTLS", "CPS", "SmartCard", "VirtualCPSCard",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CPSINSiTests",
            dependencies: [
                "CPSINSi", "CPS", "INSi", "VirtualCPSCard",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: strictSettings
        ),
        // Through the real pcscd + vpcd + virtual-cps; enabled by Tools/test.d/40-card.sh (PASSERELLE_PCSCD=1).
        .testTarget(
            name: "CardIntegrationTests",
            dependencies: [
                "CPS", "SmartCard", "VirtualCPSCard",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Identity base: repository protocol, SQLite (GRDB) and PostgreSQL (postgres-nio), hash-chained audit log.
        .target(
            name: "IdentityStore",
            dependencies: [
                "INS",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Test helper: writes identities in a loop, printing each acknowledged id (killed by the crash tests).
        .executableTarget(
            name: "store-crash-writer",
            dependencies: ["IdentityStore", "INS"],
            path: "Tools/StoreCrashWriter",
            swiftSettings: strictSettings
        ),
        // Same suite on SQLite and, with PASSERELLE_TEST_POSTGRES_URL (Tools/test.d/30-postgres.sh), PostgreSQL.
        .testTarget(
            name: "IdentityStoreTests",
            dependencies: ["IdentityStore", "INS"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // Local SSO broker: OpenID Provider on loopback, SSO session from PSC, login pages, admission, app registry.
        .target(
            name: "Broker",
            dependencies: [
                "INS", "SmartCard", "CPS", "ProSanteConnect", "Observability",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Real HTTP against a broker with psc-sim (built alongside) and the in-process virtual card.
        .testTarget(
            name: "BrokerTests",
            dependencies: [
                "Broker", "CPS", "SmartCard", "VirtualCPSCard", "ProSanteConnect",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Structured JSON logs with redaction, Prometheus metrics (swift-metrics backend). No domain knowledge.
        .target(
            name: "Observability",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ObservabilityTests", dependencies: ["Observability"], swiftSettings: strictSettings),
        // REST API /api/v1 mounted on the broker: card, session, INSi, identities, DataMatrix, tagging, views.
        .target(
            name: "PasserelleAPI",
            dependencies: [
                "Broker", "INS", "INSi", "IdentityStore", "DataMatrix", "INSTagging", "Observability",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            exclude: ["README.md"],
            resources: [.copy("OpenAPI/openapi.json")],
            swiftSettings: strictSettings
        ),
        // The contract (router vs OpenAPI document), error mapping, redaction; the live walk-through is 80-api.sh.
        .testTarget(
            name: "PasserelleAPITests",
            dependencies: [
                "PasserelleAPI", "Broker", "INS", "INSi", "IdentityStore", "Observability",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
