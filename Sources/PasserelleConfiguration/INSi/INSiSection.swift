import Configuration

/// The `insi:` section: everything the INSi client needs, as plain values (this module does not depend on the
/// INSi client; `passerelle` maps the section onto it).
public struct INSiSection: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case mtls
        case cpx
    }

    public var mode: Mode
    public var mtlsEndpoint: String?
    public var cpxEndpoint: String?
    /// Organisation certificate (AUTH_CLI) and the file holding its passphrase (never the passphrase itself).
    public var pkcs12File: String?
    public var passphraseFile: String?
    public var trustRootsFile: String
    /// The endpoint host must end with one of these (`services-ps-tlsm.ameli.fr`, `services-ps.ameli.fr`).
    public var serverNameSuffixes: [String]
    public var idam: String
    public var lpsName: String
    public var lpsVersion: String
    /// Where the installation UUID (`LPS/Instance`) is kept.
    public var installationIDFile: String
    /// Structure id = OU of the organisation certificate = `Emetteur` in mTLS mode.
    public var structureID: String
    public var requestTimeoutSeconds: Double
    public var connectTimeoutSeconds: Double
    public var retryAttempts: Int
    public var retryBaseDelayMilliseconds: Int
    public var retryMaxDelayMilliseconds: Int
    public var breakerFailureThreshold: Int
    public var breakerCoolDownSeconds: Double
    /// JSON-Lines trace file when no identity store records the calls.
    public var traceFile: String?
    public var cpx: CPxSection?

    /// CPx mode: the professional and, for tests and the demo only, a software key standing in for the card.
    public struct CPxSection: Sendable, Hashable {
        public var nationalID: String
        public var identifiantFacturation: String
        public var secteurActivite: String
        public var specialite: String?
        public var certificateFile: String?
        public var privateKeyFile: String?

        public init(
            nationalID: String, identifiantFacturation: String, secteurActivite: String, specialite: String?,
            certificateFile: String?, privateKeyFile: String?
        ) {
            self.nationalID = nationalID
            self.identifiantFacturation = identifiantFacturation
            self.secteurActivite = secteurActivite
            self.specialite = specialite
            self.certificateFile = certificateFile
            self.privateKeyFile = privateKeyFile
        }
    }

    public init(
        mode: Mode, mtlsEndpoint: String?, cpxEndpoint: String?, pkcs12File: String?, passphraseFile: String?,
        trustRootsFile: String, serverNameSuffixes: [String], idam: String, lpsName: String, lpsVersion: String,
        installationIDFile: String, structureID: String, requestTimeoutSeconds: Double, connectTimeoutSeconds: Double,
        retryAttempts: Int, retryBaseDelayMilliseconds: Int, retryMaxDelayMilliseconds: Int,
        breakerFailureThreshold: Int, breakerCoolDownSeconds: Double, traceFile: String?, cpx: CPxSection?
    ) {
        self.mode = mode
        self.mtlsEndpoint = mtlsEndpoint
        self.cpxEndpoint = cpxEndpoint
        self.pkcs12File = pkcs12File
        self.passphraseFile = passphraseFile
        self.trustRootsFile = trustRootsFile
        self.serverNameSuffixes = serverNameSuffixes
        self.idam = idam
        self.lpsName = lpsName
        self.lpsVersion = lpsVersion
        self.installationIDFile = installationIDFile
        self.structureID = structureID
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.retryAttempts = retryAttempts
        self.retryBaseDelayMilliseconds = retryBaseDelayMilliseconds
        self.retryMaxDelayMilliseconds = retryMaxDelayMilliseconds
        self.breakerFailureThreshold = breakerFailureThreshold
        self.breakerCoolDownSeconds = breakerCoolDownSeconds
        self.traceFile = traceFile
        self.cpx = cpx
    }

    public var endpoint: String? { mode == .mtls ? mtlsEndpoint : cpxEndpoint }

    static func read(_ reader: ConfigReader, baseDirectory base: String) throws(ConfigurationError) -> INSiSection? {
        guard let modeText = reader.string(forKey: "mode") else { return nil }
        guard let mode = Mode(rawValue: modeText) else {
            throw ConfigurationError(.invalidValue, "insi.mode", "expected mtls or cpx, got \(modeText)")
        }
        func path(_ key: ConfigKey) -> String? {
            reader.string(forKey: key).map { PasserelleConfiguration.resolve($0, base: base) }
        }
        func required(_ key: String) throws(ConfigurationError) -> String {
            guard let value = reader.string(forKey: ConfigKey(key)), !value.isEmpty else {
                throw ConfigurationError(.missingKey, "insi.\(key)")
            }
            return value
        }
        var section = INSiSection(
            mode: mode, mtlsEndpoint: reader.string(forKey: "endpoints.mtls"),
            cpxEndpoint: reader.string(forKey: "endpoints.cpx"), pkcs12File: path("tls.pkcs12"),
            passphraseFile: path("tls.passphraseFile"),
            trustRootsFile: PasserelleConfiguration.resolve(try required("tls.trustRoots"), base: base),
            serverNameSuffixes: reader.stringArray(forKey: "tls.serverNameSuffixes", default: []),
            idam: try required("lps.idam"), lpsName: reader.string(forKey: "lps.name", default: "PASSERELLE"),
            lpsVersion: reader.string(forKey: "lps.version", default: "0.1.0"),
            installationIDFile: path("lps.installationIdFile")
                ?? PasserelleConfiguration.resolve("insi-installation-id", base: base),
            structureID: try required("structureId"),
            requestTimeoutSeconds: reader.double(forKey: "timeouts.requestSeconds", default: 15),
            connectTimeoutSeconds: reader.double(forKey: "timeouts.connectSeconds", default: 5),
            retryAttempts: reader.int(forKey: "retries.attempts", default: 3),
            retryBaseDelayMilliseconds: reader.int(forKey: "retries.baseDelayMs", default: 100),
            retryMaxDelayMilliseconds: reader.int(forKey: "retries.maxDelayMs", default: 2000),
            breakerFailureThreshold: reader.int(forKey: "breaker.failureThreshold", default: 5),
            breakerCoolDownSeconds: reader.double(forKey: "breaker.coolDownSeconds", default: 30),
            traceFile: path("traceFile"), cpx: nil)
        if let nationalID = reader.string(forKey: "cpx.nationalId") {
            section.cpx = CPxSection(
                nationalID: nationalID, identifiantFacturation: try required("cpx.identifiantFacturation"),
                secteurActivite: try required("cpx.secteurActivite"),
                specialite: reader.string(forKey: "cpx.specialite"),
                certificateFile: path("cpx.certificate"), privateKeyFile: path("cpx.privateKey"))
        }
        guard section.endpoint != nil else { throw ConfigurationError(.missingKey, "insi.endpoints.\(mode.rawValue)") }
        if mode == .mtls, section.pkcs12File == nil || section.passphraseFile == nil {
            throw ConfigurationError(.missingKey, "insi.tls.pkcs12 / insi.tls.passphraseFile")
        }
        if mode == .cpx, section.cpx == nil { throw ConfigurationError(.missingKey, "insi.cpx.nationalId") }
        return section
    }
}
