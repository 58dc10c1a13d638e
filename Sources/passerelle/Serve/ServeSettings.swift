import Broker
import Foundation
import INS
import PasserelleConfiguration
import ProSanteConnect

/// Maps the configuration's `broker:` section and the command-line options onto `BrokerSettings`.
enum ServeSettings {
    /// `configuration`: the file `serve` loaded once (nil without one).
    static func build(_ command: ServeCommand, configuration: PasserelleConfiguration?) async throws(AnyPasserelleError)
        -> BrokerSettings
    {
        let section = configuration?.broker
        let dataDirectory = OptionalConfiguration.dataDirectory(command.global, configuration)
        var settings = BrokerSettings(dataDirectory: dataDirectory)
        settings.host = command.host ?? section?.host ?? settings.host
        settings.port = command.port ?? section?.port ?? settings.port
        settings.issuer = command.issuer ?? section?.issuer
        settings.extraAllowedHosts = (section?.allowedHosts ?? []) + command.allowedHosts
        settings.adminSocket = section?.adminSocket
        if let value = command.cardRemoval ?? section?.cardRemoval {
            guard let policy = CardRemovalPolicy(rawValue: value) else {
                throw AnyPasserelleError(BrokerError.configuration("card removal policy \(value): logout|lock|ignore"))
            }
            settings.session.cardRemoval = policy
        }
        if let value = command.loginMethod ?? section?.loginMethod {
            guard let method = PSCLoginMethod(rawValue: value) else {
                throw AnyPasserelleError(BrokerError.configuration("login method \(value): ciba|browser"))
            }
            settings.loginMethod = method
        }
        if let idle = command.idleTimeout ?? section?.idleTimeoutSeconds { settings.session.idleTimeout = idle }
        if let absolute = section?.absoluteTimeoutSeconds { settings.session.absoluteTimeout = absolute }
        if let access = section?.accessTokenSeconds { settings.tokens.accessToken = access }
        if let refresh = section?.refreshTokenSeconds { settings.tokens.refreshToken = refresh }
        if let days = section?.rotateAfterDays { settings.keys.rotateAfter = days * 86_400 }
        if let days = section?.overlapDays { settings.keys.overlap = days * 86_400 }
        if let pin = section?.pinPerMinute { settings.rateLimits.pinPerMinute = pin }
        if let login = section?.loginPerMinute { settings.rateLimits.loginPerMinute = login }
        settings.psc = try psc(command, configuration: configuration, dataDirectory: dataDirectory)
        if let appsPath = command.appsFile ?? section?.appsFile {
            guard let data = FileManager.default.contents(atPath: appsPath) else {
                throw AnyPasserelleError(BrokerError.configuration("cannot read apps file \(appsPath)"))
            }
            do {
                settings.configuredApps = try AppRegistration.decodeList(data)
            } catch {
                throw AnyPasserelleError(error)
            }
        }
        if let key = command.inProcessCard {
            settings.cardSource = try InProcessCardSource(cardDirectory: command.cardDirectory, key: key)
        }
        return settings
    }

    /// `--psc-config` (JSON) first, then the `psc:` section, then the older JSON files (`broker.pscConfig`,
    /// `PASSERELLE_PSC_CONFIG`, `<data dir>/psc.json`); nil when none exists (logins are then refused clearly).
    private static func psc(
        _ command: ServeCommand, configuration: PasserelleConfiguration?, dataDirectory: String
    ) throws(AnyPasserelleError) -> PSCConfiguration? {
        if command.pscConfig == nil, let section = configuration?.psc {
            do { return try section.clientConfiguration() } catch { throw AnyPasserelleError(error) }
        }
        let explicit = command.pscConfig ?? configuration?.broker?.pscConfig
        let path =
            explicit ?? ProcessInfo.processInfo.environment["PASSERELLE_PSC_CONFIG"] ?? (dataDirectory + "/psc.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            if explicit != nil {
                throw AnyPasserelleError(BrokerError.configuration("no PSC configuration at \(path)"))
            }
            return nil
        }
        do {
            return try JSONDecoder().decode(PSCConfiguration.self, from: data)
        } catch {
            throw AnyPasserelleError(BrokerError.configuration("\(path): \(error)"))
        }
    }
}
