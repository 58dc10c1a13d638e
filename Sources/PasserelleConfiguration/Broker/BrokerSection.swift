import Configuration

/// `broker:` — the local SSO broker of `passerelle serve` (design.md §4). Every key is optional; the executable
/// maps the section onto `Broker.BrokerSettings` and lets command-line options override it.
///
/// ```yaml
/// broker:
///   host: 127.0.0.1            # loopback only
///   port: 4747
///   allowedHosts: []           # extra Host values (e.g. "passerelle.localhost:4747")
///   pscConfig: psc.json        # PSCConfiguration JSON (as written by passerelle demo)
///   appsFile: apps.json        # apps declared by the administrator (JSON list, secrets as hashes)
///   loginMethod: ciba          # or browser
///   session: {idleTimeoutSeconds: 1800, absoluteTimeoutSeconds: 43200, cardRemoval: logout}  # lock|ignore
///   tokens: {accessTokenSeconds: 300, refreshTokenSeconds: 28800}
///   keys: {rotateAfterDays: 30, overlapDays: 2}
///   rateLimits: {pinPerMinute: 5, loginPerMinute: 30}
/// ```
public struct BrokerSection: Sendable, Equatable {
    public var host: String?
    public var port: Int?
    public var issuer: String?
    public var allowedHosts: [String]
    public var adminSocket: String?
    public var pscConfig: String?
    public var appsFile: String?
    public var loginMethod: String?
    public var idleTimeoutSeconds: Double?
    public var absoluteTimeoutSeconds: Double?
    public var cardRemoval: String?
    public var accessTokenSeconds: Double?
    public var refreshTokenSeconds: Double?
    public var rotateAfterDays: Double?
    public var overlapDays: Double?
    public var pinPerMinute: Int?
    public var loginPerMinute: Int?

    static func read(_ reader: ConfigReader, baseDirectory base: String) throws(ConfigurationError) -> BrokerSection {
        func path(_ key: ConfigKey) -> String? {
            reader.string(forKey: key).map { PasserelleConfiguration.resolve($0, base: base) }
        }
        let section = BrokerSection(
            host: reader.string(forKey: "host"), port: reader.int(forKey: "port"),
            issuer: reader.string(forKey: "issuer"),
            allowedHosts: reader.stringArray(forKey: "allowedHosts", default: []),
            adminSocket: path("adminSocket"), pscConfig: path("pscConfig"), appsFile: path("appsFile"),
            loginMethod: reader.string(forKey: "loginMethod"),
            idleTimeoutSeconds: reader.double(forKey: "session.idleTimeoutSeconds"),
            absoluteTimeoutSeconds: reader.double(forKey: "session.absoluteTimeoutSeconds"),
            cardRemoval: reader.string(forKey: "session.cardRemoval"),
            accessTokenSeconds: reader.double(forKey: "tokens.accessTokenSeconds"),
            refreshTokenSeconds: reader.double(forKey: "tokens.refreshTokenSeconds"),
            rotateAfterDays: reader.double(forKey: "keys.rotateAfterDays"),
            overlapDays: reader.double(forKey: "keys.overlapDays"),
            pinPerMinute: reader.int(forKey: "rateLimits.pinPerMinute"),
            loginPerMinute: reader.int(forKey: "rateLimits.loginPerMinute"))
        if let removal = section.cardRemoval, !["logout", "lock", "ignore"].contains(removal) {
            throw ConfigurationError(.invalidValue, "broker.session.cardRemoval", "expected logout, lock or ignore")
        }
        if let method = section.loginMethod, !["ciba", "browser"].contains(method) {
            throw ConfigurationError(.invalidValue, "broker.loginMethod", "expected ciba or browser")
        }
        return section
    }
}
