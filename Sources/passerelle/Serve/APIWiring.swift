import Broker
import Foundation
import INS
import INSi
import IdentityStore
import PasserelleAPI
import PasserelleConfiguration

/// Builds what the REST API needs from the configuration: the identity base (PostgreSQL when
/// `PASSERELLE_DATABASE_URL` names one, else SQLite in the data directory) and the INSi client tracing through
/// the API ledger (no `insi` section: INSi routes answer 503).
struct APIWiring {
    let services: APIServices
    let insiSession: INSiSession?

    static func open(configPath: String?, dataDirectory: String) async throws(AnyPasserelleError) -> APIWiring {
        let environment = ProcessInfo.processInfo.environment
        var insiSection: INSiSection?
        if let path = configPath ?? environment["PASSERELLE_CONFIG"] {
            do {
                insiSection = try await PasserelleConfiguration.load(explicitPath: path).insi
            } catch {
                throw AnyPasserelleError(error)
            }
        }
        let ledger = INSiLedger(
            traceFile: insiSection?.traceFile
                ?? URL(fileURLWithPath: dataDirectory).appendingPathComponent("insi-traces.jsonl").path)
        var session: INSiSession?
        if let insiSection {
            session = try await INSiSession.open(insiSection) { _ in ledger }
        }
        let store: IdentityDatabase
        do {
            store = try await IdentityDatabase.open(
                StoreLocation.resolve(dataDirectory: dataDirectory, databaseURL: environment["PASSERELLE_DATABASE_URL"])
            )
        } catch {
            await session?.close()
            throw AnyPasserelleError(error)
        }
        return APIWiring(
            services: APIServices(store: store, insi: session?.client, ledger: ledger, catalogue: .rnivDefault),
            insiSession: session)
    }

    func close() async {
        await services.store.close()
        await insiSession?.close()
    }
}
