import Foundation
import ProSanteConnect

/// Everything `passerelle serve` needs, mapped by the executable from `passerelle.yaml` and its options.
public struct BrokerSettings: Sendable {
    /// Loopback address only (`127.0.0.1`, `::1` or `localhost`); anything else is refused at start.
    public var host: String = "127.0.0.1"
    /// 0 = any free port (tests); 4747 by default.
    public var port: Int = 4747
    /// Issuer override; default `http://<host>:<bound port>`.
    public var issuer: String?
    /// Extra `Host` header values accepted besides `127.0.0.1:<port>`, `localhost:<port>` and `[::1]:<port>`.
    public var extraAllowedHosts: [String] = []
    /// Signing keys, app registry, admin socket.
    public var dataDirectory: String
    /// Unix socket of `passerelle apps`; default `<dataDirectory>/broker.sock`.
    public var adminSocket: String?
    public var session = SessionPolicy()
    public var tokens = TokenLifetimes()
    public var keys = KeyRotationPolicy()
    public var rateLimits = RateLimits()
    /// Apps declared in the configuration file (read-only; `passerelle apps` manages the others).
    public var configuredApps: [AppRegistration] = []
    /// Pro Santé Connect; nil = logins are refused with a clear page.
    public var psc: PSCConfiguration?
    /// How the login page logs in to PSC by default.
    public var loginMethod: PSCLoginMethod = .ciba
    /// Routes mounted by other modules that take a non-JSON body (tagging takes `application/pdf`).
    public var uploads: [UploadRoute] = []
    /// Where cards come from (PC/SC by default, an in-process virtual card in tests).
    public var cardSource: (any CardSource)?

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }

    public var adminSocketPath: String {
        adminSocket ?? URL(fileURLWithPath: dataDirectory).appendingPathComponent("broker.sock").path
    }

    /// Refuses a non-loopback bind: the broker has no TLS and trusts the machine boundary (threat model).
    public func validate() throws(BrokerError) {
        guard ["127.0.0.1", "::1", "localhost"].contains(host) else {
            throw .configuration("broker host \(host) is not loopback; only 127.0.0.1, ::1 or localhost are allowed")
        }
        guard (0...65535).contains(port) else { throw .configuration("port \(port) out of range") }
        if let issuer, URL(string: issuer)?.host == nil { throw .configuration("issuer \(issuer) is not a URL") }
        if tokens.authorizationCode > 60 { throw .configuration("authorization codes must live 60 s at most") }
        if dataDirectory.isEmpty { throw .configuration("no data directory") }
    }
}

/// What happens to the SSO session when the card it is bound to leaves the reader.
public enum CardRemovalPolicy: String, Sendable, Codable, CaseIterable {
    /// End the session, revoke every token, send back-channel logouts.
    case logout
    /// Keep the session but refuse every token until the same card is back and its PIN entered.
    case lock
    /// Do nothing (kiosk-less setups where the card is only used to log in).
    case ignore
}

public enum PSCLoginMethod: String, Sendable, Codable, CaseIterable {
    /// Push to the card (CPS-Gestion) or e-CPS with the card's national id as `login_hint`.
    case ciba
    /// System browser to PSC's page, back to the broker's loopback redirect.
    case browser
}

public struct SessionPolicy: Sendable {
    public var idleTimeout: TimeInterval = 30 * 60
    public var absoluteTimeout: TimeInterval = 12 * 3600
    public var cardRemoval: CardRemovalPolicy = .logout
    public init() {}
}

public struct TokenLifetimes: Sendable {
    public var authorizationCode: TimeInterval = 60
    public var accessToken: TimeInterval = 300
    public var idToken: TimeInterval = 300
    public var refreshToken: TimeInterval = 8 * 3600
    /// Login transactions (authorize → login page → code).
    public var loginTransaction: TimeInterval = 600
    public init() {}
}

public struct KeyRotationPolicy: Sendable {
    /// A new signing key after this age.
    public var rotateAfter: TimeInterval = 30 * 86_400
    /// Retired keys stay in the JWKS this long so tokens they signed still verify.
    public var overlap: TimeInterval = 2 * 86_400
    public init() {}
}

public struct RateLimits: Sendable {
    /// PIN submissions per minute (the card counts tries too; this stops a local script hammering the route).
    public var pinPerMinute: Int = 5
    /// Login-page posts (start, CIBA, situation) per minute.
    public var loginPerMinute: Int = 30
    public init() {}
}
