import Broker
import Foundation
import INS
import PasserelleConfiguration
import ProSanteConnect

/// Maps the configuration's `broker:` section and the command-line options onto `BrokerSettings`.
enum ServeSettings {
    static func build(_ command: ServeCommand) async throws(AnyPasserelleError) -> BrokerSettings {
        let environment = ProcessInfo.processInfo.environment
        var section: BrokerSection?
        if command.global.config != nil || environment["PASSERELLE_CONFIG"] != nil {
            do {
                section = try await PasserelleConfiguration.load(explicitPath: command.global.config).broker
            } catch {
                throw AnyPasserelleError(error)
            }
        }
        let dataDirectory =
            command.global.dataDir ?? environment["PASSERELLE_DATA_DIR"]
            ?? (NSHomeDirectory() + "/.local/share/passerelle")
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
        let pscPath =
            command.pscConfig ?? section?.pscConfig ?? environment["PASSERELLE_PSC_CONFIG"]
            ?? (dataDirectory + "/psc.json")
        if let data = FileManager.default.contents(atPath: pscPath) {
            do {
                settings.psc = try JSONDecoder().decode(PSCConfiguration.self, from: data)
            } catch {
                throw AnyPasserelleError(BrokerError.configuration("\(pscPath): \(error)"))
            }
        } else if command.pscConfig != nil || section?.pscConfig != nil {
            throw AnyPasserelleError(BrokerError.configuration("no PSC configuration at \(pscPath)"))
        }
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
}
