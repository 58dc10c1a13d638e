import CPS
import Foundation
import Logging
import ProSanteConnect
import Synchronization

/// The broker's state and collaborators: registry, keys, codes, tokens, SSO session, card, PSC, logins.
/// Routes are extensions in `OIDC/` and `Pages/`; `BrokerServer` wires them to Hummingbird.
public final class OpenIDProvider: Sendable {
    let settings: BrokerSettings
    public let registry: AppRegistry
    public let keys: SigningKeyStore
    let signer: JWSSigner
    let codes: AuthorizationCodes
    let tokens: TokenStore
    public let sessions: SessionManager
    let card: CardMonitor
    let psc: PSCClient?
    let logins: LoginTransactions
    let ciba: CIBARequests
    let backchannel: BackChannelLogout
    let audit: AuditTrail
    let clock: BrokerClock
    let pinLimiter: RateLimiter
    let pages: LoginPages
    let loginLimiter: RateLimiter
    /// Card used for a browser PSC login, by PSC `state`, until PSC comes back.
    let browserCards = Mutex<[String: CardSummary]>([:])
    /// Encoded userinfo documents by session, scope and situation.
    let userinfoCache = Mutex<[String: Data]>([:])
    private let listener: ListenerState
    let logger = Logger(label: "passerelle.broker")

    public init(settings: BrokerSettings, clock: BrokerClock = .system) throws(BrokerError) {
        try settings.validate()
        try SecureFile.ensureDirectory(settings.dataDirectory)
        self.settings = settings
        self.clock = clock
        let keys = try SigningKeyStore(dataDirectory: settings.dataDirectory, policy: settings.keys, clock: clock)
        self.keys = keys
        let signer = JWSSigner(keys: keys)
        self.signer = signer
        let audit = AuditTrail(dataDirectory: settings.dataDirectory, clock: clock)
        self.audit = audit
        let backchannel = BackChannelLogout(signer: signer, clock: clock)
        self.backchannel = backchannel
        let registry = try AppRegistry(dataDirectory: settings.dataDirectory, configured: settings.configuredApps)
        self.registry = registry
        let listener = ListenerState()
        self.listener = listener
        let codes = AuthorizationCodes()
        let tokens = TokenStore()
        self.codes = codes
        self.tokens = tokens
        let sessions = SessionManager(
            policy: settings.session, tokens: tokens, codes: codes, clock: clock, audit: audit,
            onEnd: { session, clients, _ in
                let issuer = listener.value.withLock { $0?.issuer } ?? ""
                let targets = clients.compactMap { registry.app($0) }.filter { $0.backchannelLogoutURI != nil }
                backchannel.notify(targets, session: session, issuer: issuer)
            })
        self.sessions = sessions
        card = CardMonitor(
            source: settings.cardSource ?? PCSCCardSource(),
            onRemoved: { serial in sessions.cardRemoved(serial: serial) })
        if let configuration = settings.psc {
            do throws(PSCError) {
                psc = try PSCClient(configuration: configuration)
            } catch {
                throw .configuration("PSC: \(error.technicalDetail)")
            }
        } else {
            psc = nil
        }
        logins = LoginTransactions(clock: clock, lifetime: settings.tokens.loginTransaction)
        ciba = CIBARequests(clock: clock)
        pages = try LoginPages()
        pinLimiter = RateLimiter(limit: settings.rateLimits.pinPerMinute, clock: clock)
        loginLimiter = RateLimiter(limit: settings.rateLimits.loginPerMinute, clock: clock)
    }

    /// Called once the listener is bound: the issuer and the `Host` allow-list depend on the port.
    func listening(port: Int) {
        let issuer = settings.issuer ?? "http://\(settings.host == "::1" ? "[::1]" : settings.host):\(port)"
        let formPaths: Set<String> = [
            "/oidc/token", "/oidc/ciba", "/oidc/logout", "/oidc/revoke", pscCallbackPath, "/login/pin",
            "/login/ecps", "/login/situation", "/login/cancel", "/logout",
        ]
        let policy = AdmissionPolicy(
            port: port, extraHosts: settings.extraAllowedHosts, formPaths: formPaths, uploads: settings.uploads)
        listener.value.withLock { $0 = (issuer, port, policy) }
    }

    public var issuer: String { listener.value.withLock { $0?.issuer } ?? settings.issuer ?? "" }
    var port: Int { listener.value.withLock { $0?.port } ?? settings.port }
    var admissionPolicy: AdmissionPolicy {
        listener.value.withLock { $0?.policy } ?? AdmissionPolicy(port: settings.port, extraHosts: [], formPaths: [])
    }

    /// Path of PSC's redirect back to the broker (the path of the configured PSC redirect URI).
    var pscCallbackPath: String {
        settings.psc.flatMap { URLComponents(string: $0.redirectURI)?.path }.flatMap { $0.isEmpty ? nil : $0 }
            ?? "/callback"
    }

    /// The loopback redirect URI given to PSC: the configured path on the broker's own listener.
    var pscRedirectURI: String { "http://127.0.0.1:\(port)\(pscCallbackPath)" }

    func start() async {
        await card.start()
    }

    public func shutdown() async {
        await card.stop()
        await ciba.cancelAll()
        await logins.cancelAll()
        await psc?.shutdown()
        await backchannel.shutdown()
    }
}

/// What the bound listener decided (issuer, port, `Host` allow-list), shared with the session-end callback.
final class ListenerState: Sendable {
    let value = Mutex<(issuer: String, port: Int, policy: AdmissionPolicy)?>(nil)
}
