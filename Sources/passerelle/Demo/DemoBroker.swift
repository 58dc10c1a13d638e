import Broker
import Foundation
import INS
import PasserelleAPI
import PasserelleConfiguration
import ProSanteConnect

/// The broker of `passerelle demo`, in the demo process: PSC = the `psc-sim` child, the card = the demo's virtual
/// CPS (in-process when pcscd is absent), SQLite in the data directory, INSi = `insi-sim` through the written
/// configuration, the REST API mounted, and one example app registered with every API scope.
struct DemoBroker {
    /// The example app (TEST credentials, printed by the demo and used in the README tour).
    static let appID = "demo-lgc"
    static let appSecret = "TEST-demo-lgc-secret"
    static let appRedirect = "http://127.0.0.1:8400/callback"

    let server: BrokerServer
    let wiring: APIWiring

    static func make(
        dataDirectory: String, port: Int, configurationPath: String, psc: PSCConfiguration, card: CardSection,
        certs: String
    ) async throws(AnyPasserelleError) -> DemoBroker {
        var settings = BrokerSettings(dataDirectory: dataDirectory)
        settings.port = port
        settings.psc = psc
        settings.uploads = PasserelleAPI.uploads
        settings.configuredApps = [
            AppRegistration(
                clientID: appID, name: "LGC de démonstration", kind: .confidential, redirectURIs: [appRedirect],
                scopes: ["openid", "profile"] + PasserelleAPI.scopes, allowCIBA: true,
                secretHash: SecretHash.hash(appSecret), source: .configuration)
        ]
        if card.transport == .inProcess {
            settings.cardSource = try InProcessCardSource(
                cardDirectory: "\(certs)/cards", key: card.virtualCard ?? "medecin-1")
        }
        let configuration: PasserelleConfiguration
        do {
            configuration = try await PasserelleConfiguration.load(explicitPath: configurationPath)
        } catch {
            throw AnyPasserelleError(error)
        }
        let wiring = try await APIWiring.open(configuration: configuration, dataDirectory: dataDirectory)
        let services = wiring.services
        do throws(BrokerError) {
            let server = try BrokerServer(settings: settings) { router, provider in
                PasserelleAPI.mount(on: router, provider: provider, services: services)
            }
            return DemoBroker(server: server, wiring: wiring)
        } catch {
            await wiring.close()
            throw AnyPasserelleError(error)
        }
    }

    /// What a newcomer needs, in French, on stderr (stdout keeps the one JSON ready line).
    static func welcome(broker: String, insi: String, psc: String, card: CardSection) -> String {
        """

        Passerelle — démonstration prête
          Service de connexion (OpenID Connect) : \(broker)
          API REST : \(broker)/api/v1   (contrat OpenAPI : \(broker)/api/v1/openapi.json)
          Santé : \(broker)/healthz   Métriques : \(broker)/metrics
          Simulateurs : Pro Santé Connect \(psc)   INSi \(insi)
          Carte CPS virtuelle : \(card.transport == .pcsc ? "lecteur PC/SC « Virtual PCD 00 00 »" : "dans le processus")\
         (Dr medecin-1, identifiant national 899700000013, code porteur 1234)
          Application d'exemple : client_id \(appID), secret \(appSecret), retour \(appRedirect)
          Connexion sans navigateur (CIBA, approuvée automatiquement après 3 s) :
            curl -u \(appID):\(appSecret) -d 'scope=openid api:identities api:insi api:datamatrix' \(broker)/oidc/ciba
          Arrêt : Ctrl-C

        """
    }
}
