/// Every key `passerelle.yaml` understands, with its type, its admissible values and what it refers to. The check
/// walks this list; a key that is not here is a typo or a leftover, and is reported as such.
struct KeySpec: Sendable {
    enum ValueType: Sendable {
        case string
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case boolean
        case list
        case choice([String])
    }

    /// What the value points at, which decides the checks beyond its type.
    enum Role: Sendable, Equatable {
        case plain
        /// A national service (PSC, INSi): https unless the host is a loopback simulator.
        case nationalURL
        /// Where PSC sends the browser back: http only on loopback.
        case redirectURL
        /// A file that must exist and be readable.
        case inputFile
        /// A file holding a secret: must exist, be readable, and be readable by its owner only.
        case secretFile
        /// A folder that must exist.
        case directory
        /// A file or socket passerelle creates.
        case outputPath
        /// The broker's listening address: loopback only.
        case loopbackHost
        /// A PostgreSQL URL (the password comes from a file).
        case postgresURL
    }

    let path: String
    let type: ValueType
    let role: Role
    /// Shown by `config show` when the key is absent.
    let defaultValue: String?

    init(_ path: String, _ type: ValueType, _ role: Role = .plain, default defaultValue: String? = nil) {
        self.path = path
        self.type = type
        self.role = role
        self.defaultValue = defaultValue
    }

    var isPath: Bool {
        [.inputFile, .secretFile, .directory, .outputPath].contains(role)
    }
}

enum ConfigurationSchema {
    static let keys: [KeySpec] = general + insi + psc + card + store + broker

    static let byPath: [String: KeySpec] = Dictionary(uniqueKeysWithValues: keys.map { ($0.path, $0) })

    /// Every section prefix (`insi`, `insi.timeouts`, …): a key written as a section there is expected.
    static let sections: Set<String> = Set(
        keys.flatMap { spec in
            let components = spec.path.split(separator: ".")
            return (1..<max(components.count, 1)).map { components.prefix($0).joined(separator: ".") }
        })

    static let general: [KeySpec] = [
        KeySpec("dataDirectory", .string, .outputPath, default: "~/.local/share/passerelle"),
        KeySpec("logging.format", .choice(LoggingSection.Format.allCases.map(\.rawValue)), default: "json (serve)"),
        KeySpec("logging.level", .choice(LoggingSection.Level.allCases.map(\.rawValue)), default: "info"),
    ]

    static let insi: [KeySpec] = [
        KeySpec("insi.mode", .choice(INSiSection.Mode.allCases.map(\.rawValue))),
        KeySpec("insi.endpoints.mtls", .string, .nationalURL),
        KeySpec("insi.endpoints.cpx", .string, .nationalURL),
        KeySpec("insi.tls.pkcs12", .string, .inputFile),
        KeySpec("insi.tls.passphraseFile", .string, .secretFile),
        KeySpec("insi.tls.trustRoots", .string, .inputFile),
        KeySpec("insi.tls.serverNameSuffixes", .list, default: "[]"),
        KeySpec("insi.lps.idam", .string),
        KeySpec("insi.lps.name", .string, default: "PASSERELLE"),
        KeySpec("insi.lps.version", .string, default: "0.1.0"),
        KeySpec("insi.lps.installationIdFile", .string, .outputPath, default: "insi-installation-id"),
        KeySpec("insi.structureId", .string),
        KeySpec("insi.timeouts.requestSeconds", .number(1...300), default: "15"),
        KeySpec("insi.timeouts.connectSeconds", .number(1...120), default: "5"),
        KeySpec("insi.retries.attempts", .integer(1...10), default: "3"),
        KeySpec("insi.retries.baseDelayMs", .integer(0...60_000), default: "100"),
        KeySpec("insi.retries.maxDelayMs", .integer(0...600_000), default: "2000"),
        KeySpec("insi.breaker.failureThreshold", .integer(1...1000), default: "5"),
        KeySpec("insi.breaker.coolDownSeconds", .number(1...3600), default: "30"),
        KeySpec("insi.traceFile", .string, .outputPath),
        KeySpec("insi.cpx.nationalId", .string),
        KeySpec("insi.cpx.identifiantFacturation", .string),
        KeySpec("insi.cpx.secteurActivite", .string),
        KeySpec("insi.cpx.specialite", .string),
        KeySpec("insi.cpx.certificate", .string, .inputFile),
        KeySpec("insi.cpx.privateKey", .string, .secretFile),
    ]

    static let psc: [KeySpec] = [
        KeySpec("psc.issuer", .string, .nationalURL),
        KeySpec("psc.discoveryURL", .string, .nationalURL, default: "<issuer>/.well-known/wallet-openid-configuration"),
        KeySpec("psc.clientID", .string),
        KeySpec("psc.clientAuthentication", .choice(PSCSection.ClientAuthentication.allCases.map(\.rawValue))),
        KeySpec("psc.clientSecretFile", .string, .secretFile),
        KeySpec("psc.tls.pkcs12", .string, .inputFile),
        KeySpec("psc.tls.passphraseFile", .string, .secretFile),
        KeySpec("psc.tls.trustRoots", .string, .inputFile, default: "system roots"),
        KeySpec("psc.scopes", .list, default: "[openid, scope_all]"),
        KeySpec("psc.acrValues", .list, default: "[eidas1]"),
        KeySpec("psc.acceptedACR", .list, default: "[eidas1, eidas2, eidas3]"),
        KeySpec("psc.enforceACR", .boolean, default: "true"),
        KeySpec("psc.redirectURI", .string, .redirectURL, default: "http://127.0.0.1/callback"),
        KeySpec("psc.postLogoutRedirectURI", .string, .redirectURL),
        KeySpec("psc.prompt", .string),
        KeySpec("psc.allowedAlgorithms", .list, default: "[RS256, PS256, ES256]"),
        KeySpec("psc.clockSkewSeconds", .number(0...600), default: "60"),
        KeySpec("psc.timeouts.requestSeconds", .number(1...300), default: "10"),
        KeySpec("psc.cache.lifetimeSeconds", .number(0...604_800), default: "3600"),
        KeySpec("psc.cache.staleLimitSeconds", .number(0...604_800), default: "86400"),
        KeySpec("psc.cache.jwksRefetchIntervalSeconds", .number(0...3600), default: "10"),
    ]

    static let card: [KeySpec] = [
        KeySpec("card.transport", .choice(CardSection.Transport.allCases.map(\.rawValue)), default: "pcsc"),
        KeySpec("card.reader", .string, default: "first reader holding a card"),
        KeySpec("card.trustRoots", .string, .inputFile),
        KeySpec("card.virtualCards", .string, .directory),
        KeySpec("card.virtualCard", .string),
        KeySpec("card.virtualControl", .string, .outputPath),
    ]

    static let store: [KeySpec] = [
        KeySpec("store.backend", .choice(StoreSection.Backend.allCases.map(\.rawValue)), default: "sqlite"),
        KeySpec("store.sqlite.path", .string, .outputPath, default: "<dataDirectory>/identities.sqlite"),
        KeySpec("store.postgresql.url", .string, .postgresURL),
        KeySpec("store.postgresql.passwordFile", .string, .secretFile),
    ]

    static let broker: [KeySpec] = [
        KeySpec("broker.host", .string, .loopbackHost, default: "127.0.0.1"),
        KeySpec("broker.port", .integer(0...65_535), default: "4747"),
        KeySpec("broker.issuer", .string, default: "http://<host>:<port>"),
        KeySpec("broker.allowedHosts", .list, default: "[]"),
        KeySpec("broker.adminSocket", .string, .outputPath, default: "<dataDirectory>/admin.sock"),
        KeySpec("broker.pscConfig", .string, .secretFile),
        KeySpec("broker.appsFile", .string, .inputFile),
        KeySpec("broker.loginMethod", .choice(["ciba", "browser"]), default: "ciba"),
        KeySpec("broker.session.idleTimeoutSeconds", .number(60...86_400), default: "1800"),
        KeySpec("broker.session.absoluteTimeoutSeconds", .number(60...604_800), default: "43200"),
        KeySpec("broker.session.cardRemoval", .choice(["logout", "lock", "ignore"]), default: "logout"),
        KeySpec("broker.tokens.accessTokenSeconds", .number(30...3600), default: "300"),
        KeySpec("broker.tokens.refreshTokenSeconds", .number(60...2_592_000), default: "28800"),
        KeySpec("broker.keys.rotateAfterDays", .number(1...365), default: "30"),
        KeySpec("broker.keys.overlapDays", .number(0...30), default: "2"),
        KeySpec("broker.rateLimits.pinPerMinute", .integer(1...60), default: "5"),
        KeySpec("broker.rateLimits.loginPerMinute", .integer(1...1000), default: "30"),
    ]
}
